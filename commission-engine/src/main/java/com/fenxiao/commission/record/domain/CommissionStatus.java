package com.fenxiao.commission.record.domain;

/**
 * SPEC §5, the same states and moves as settlement-service's {@code SettlementStatus}: PENDING → SETTLED
 * when the window closes (held ones wait there), SETTLED → AVAILABLE when credited, AVAILABLE → WITHDRAWN,
 * CANCELLED before release, REVERSED after it. SETTLED, AVAILABLE and WITHDRAWN are set by settlement; a
 * refund after them is a reversal.
 */
public enum CommissionStatus {
    PENDING,
    SETTLED,
    AVAILABLE,
    WITHDRAWN,
    CANCELLED,
    REVERSED;

    public boolean settled() {
        return this == SETTLED || this == AVAILABLE || this == WITHDRAWN;
    }

    /** Whether SPEC §5 allows the move from this state to {@code next} (there is no PENDING → AVAILABLE). */
    public boolean canBecome(CommissionStatus next) {
        return switch (this) {
            case PENDING -> next == SETTLED || next == CANCELLED;
            case SETTLED -> next == AVAILABLE || next == CANCELLED;
            case AVAILABLE -> next == WITHDRAWN || next == REVERSED;
            case WITHDRAWN -> next == REVERSED;
            case CANCELLED, REVERSED -> false;
        };
    }
}
