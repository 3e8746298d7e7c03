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

    /**
     * Whether SPEC §5 allows the move from this state to {@code next}: a commission settles when its window
     * closes (held ones wait there for an operator) and only a settled one is credited, so there is no
     * PENDING → AVAILABLE. commission-engine's {@code CommissionStatus} has the same states and moves.
     */
    public boolean canBecome(SettlementStatus next) {
        return switch (this) {
            case PENDING -> next == SETTLED || next == CANCELLED;
            case SETTLED -> next == AVAILABLE || next == CANCELLED;
            case AVAILABLE -> next == WITHDRAWN || next == REVERSED;
            case WITHDRAWN -> next == REVERSED;
            case CANCELLED, REVERSED -> false;
        };
    }

    /** Not yet in the wallet and not ended: amounts still follow the engine. */
    public boolean beforeRelease() {
        return this == PENDING || this == SETTLED;
    }
}
