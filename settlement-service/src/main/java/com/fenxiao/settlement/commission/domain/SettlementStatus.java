package com.fenxiao.settlement.commission.domain;

/** SPEC §5 states as settlement keeps them. */
public enum SettlementStatus {
    /** Order paid; the after-sales window has not closed (or the order is not completed yet). */
    PENDING,
    /** The window closed; held by a risk flag until an operator decides. */
    SETTLED,
    /** Credited to the promoter's wallet. */
    AVAILABLE,
    /** Covered in full by paid withdrawals, oldest first. */
    WITHDRAWN,
    /** Fully refunded before release, or cancelled by an operator while held. */
    CANCELLED,
    /** Taken back in full after release. */
    REVERSED;

    /** Money has reached the wallet: any later reduction is a reversal. */
    public boolean released() {
        return this == AVAILABLE || this == WITHDRAWN;
    }

    /** Not yet in the wallet and not ended: amounts still follow the engine. */
    public boolean beforeRelease() {
        return this == PENDING || this == SETTLED;
    }
}
