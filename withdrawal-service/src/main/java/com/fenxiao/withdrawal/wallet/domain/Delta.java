package com.fenxiao.withdrawal.wallet.domain;

/** The change one ledger entry makes to each bucket. */
public record Delta(long pendingFen, long availableFen, long frozenFen, long withdrawnFen, long debtFen) {}
