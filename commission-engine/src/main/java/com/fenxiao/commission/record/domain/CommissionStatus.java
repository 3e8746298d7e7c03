package com.fenxiao.commission.record.domain;

/** SPEC §5. SETTLED, AVAILABLE and WITHDRAWN are set by settlement; a refund after them is a reversal. */
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
}
