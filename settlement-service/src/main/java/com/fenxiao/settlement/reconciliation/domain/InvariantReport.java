package com.fenxiao.settlement.reconciliation.domain;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one invariant check. {@code walletMismatches} lists at most a bounded number of
 * promoters; {@code walletMismatchCount} counts them all.
 */
public record InvariantReport(
        Instant checkedAt,
        long releasedCommissions,
        long missingSettledEvents,
        long duplicateSettledEvents,
        long orphanSettledEvents,
        Wallet wallet,
        List<WalletMismatch> walletMismatches,
        long walletMismatchCount,
        long checkedPromoters) {

    public InvariantReport {
        walletMismatches = List.copyOf(walletMismatches);
    }

    public enum Wallet {
        CONNECTED,
        NOT_CONNECTED,
        /** Configured but not answering: the wallet side was not compared. */
        UNAVAILABLE
    }

    public record WalletMismatch(long promoterId, long settlementFen, long walletFen) {}

    public long violations() {
        return missingSettledEvents + duplicateSettledEvents + orphanSettledEvents + walletMismatchCount;
    }

    public boolean ok() {
        return violations() == 0 && wallet != Wallet.UNAVAILABLE;
    }
}
