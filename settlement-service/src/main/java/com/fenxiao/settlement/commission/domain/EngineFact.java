package com.fenxiao.settlement.commission.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What commission-engine announced about one commission, reduced to what settlement needs. {@code version}
 * is the engine's record version ({@code null} in messages older than the field).
 */
public sealed interface EngineFact {

    long commissionId();

    long promoterId();

    String orderId();

    Integer version();

    record Created(
            long commissionId,
            long promoterId,
            String orderId,
            Integer version,
            int level,
            long amountFen,
            boolean held,
            String holdReason,
            Instant paidAt,
            Instant completedAt,
            Map<String, Long> products)
            implements EngineFact {}

    /** A refund or a manual adjustment changed the amount of a commission the engine thinks pending. */
    record Adjusted(
            long commissionId,
            long promoterId,
            String orderId,
            Integer version,
            long amountFen,
            String reference,
            Map<String, Long> products)
            implements EngineFact {}

    /** A full refund the engine applied to a commission it thinks pending. */
    record Cancelled(long commissionId, long promoterId, String orderId, Integer version, String reference)
            implements EngineFact {}

    /** A refund the engine already announced as a reversal (it knew the commission was released). */
    record Reversed(
            long commissionId,
            long promoterId,
            String orderId,
            Integer version,
            long amountFen,
            long remainingFen,
            String reference,
            Map<String, Long> products)
            implements EngineFact {}

    record Completed(
            long commissionId,
            long promoterId,
            String orderId,
            Integer version,
            Instant completedAt,
            List<String> productIds)
            implements EngineFact {}
}
