package com.fenxiao.withdrawal.request.domain;

import java.time.Instant;

/**
 * Each withdrawal's own history: an append-only record of its steps (member, staff or system) chained by
 * hash per withdrawal, on the promoter's shard beside the row. The payout code reads it (the in-flight
 * gauge takes a payout's start from its PAYOUT_STARTED entry). Staff actions are also written to the
 * service's shared audit log (common-lib {@code AuditTrail}), which auditors query, verify and export.
 */
public interface WithdrawalHistory {

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
