package com.fenxiao.commission.chain.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

public interface Chains {

    Optional<Chain> of(long userId);

    /** The chains of many users in one look-up; users without a chain are absent. */
    Map<Long, Chain> ofAll(Collection<Long> userIds);

    /** Stores the chain unless a newer one is already stored; true when it was stored. */
    boolean putIfNewer(Chain chain);
}
