package com.fenxiao.withdrawal.wallet.domain;

import java.util.Optional;

/** Reads a promoter's balances as committed (no lock). */
public interface WalletBalances {

    Optional<Balances> of(long promoterId);
}
