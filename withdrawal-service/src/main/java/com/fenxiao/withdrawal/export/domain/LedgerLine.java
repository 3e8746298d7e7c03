package com.fenxiao.withdrawal.export.domain;

import java.time.Instant;

/**
 * One wallet ledger entry as exported: what moved and how each balance bucket changed (the ledger
 * stores deltas, not balances after the entry).
 */
public record LedgerLine(
        long entryId,
        long promoterId,
        Instant at,
        String entryType,
        String sourceKey,
        long amountFen,
        long pendingDeltaFen,
        long availableDeltaFen,
        long frozenDeltaFen,
        long withdrawnDeltaFen,
        long debtDeltaFen) {}
