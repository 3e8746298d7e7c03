package com.fenxiao.settlement.reconciliation.domain;

import java.util.List;
import java.util.Map;

/**
 * The wallet's side of the invariant (withdrawal-service): per promoter, what settled events credited
 * minus what reversals debited. Not connected when no wallet address is configured.
 */
public interface WalletTotals {

    boolean connected();

    /** Credited fen by promoter id; a promoter the wallet does not know is absent (counts as 0). */
    Map<Long, Long> creditedFen(List<Long> promoterIds) throws WalletUnavailable;

    /** The wallet could not be asked or answered something unreadable. */
    final class WalletUnavailable extends Exception {
        public WalletUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
