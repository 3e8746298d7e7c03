package com.fenxiao.commission.chain.domain;

import java.util.Optional;

public interface Chains {

    Optional<Chain> of(long userId);

    /** Stores the chain unless a newer one is already stored; true when it was stored. */
    boolean putIfNewer(Chain chain);
}
