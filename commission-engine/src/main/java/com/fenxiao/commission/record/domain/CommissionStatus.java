package com.fenxiao.commission.record.domain;

/** SPEC §5. */
public enum CommissionStatus {
    PENDING,
    SETTLED,
    AVAILABLE,
    WITHDRAWN,
    CANCELLED,
    REVERSED
}
