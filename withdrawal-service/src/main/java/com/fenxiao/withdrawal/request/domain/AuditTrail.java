package com.fenxiao.withdrawal.request.domain;

import java.time.Instant;

/** Append-only, hash-chained record of each withdrawal's steps and who took them (SPEC §8). */
public interface AuditTrail {

    /** {@code actor} is {@code member:<id>}, {@code staff:<id>}, or {@code system}. */
    void append(
            Withdrawal w,
            String actor,
            String action,
            WithdrawalStatus from,
            WithdrawalStatus to,
            String reason,
            Instant at);
}
