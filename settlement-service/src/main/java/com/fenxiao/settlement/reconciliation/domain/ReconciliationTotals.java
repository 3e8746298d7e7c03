package com.fenxiao.settlement.reconciliation.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * Running totals per business day and product (SPEC §8): what orders paid, refunded and cost, and the
 * commission they carry. {@code shardKey} keeps a change in the physical database of the row it comes
 * from, so the totals move in the same local transaction.
 */
public interface ReconciliationTotals {

    void addCommission(long shardKey, LocalDate day, Map<String, Long> deltaByProduct);

    /** One row of the totals: a slot's day and product. */
    record DayProduct(long shardKey, LocalDate day, String productId) {}

    /** Many commission deltas at once, already summed by row, in the shard's transaction (one statement). */
    void addCommissions(com.fenxiao.common.shard.Shards.Shard shard, Map<DayProduct, Long> deltas);

    void addOrder(long shardKey, LocalDate day, String productId, long paidFen, long refundedFen, long costFen);

    /** Many order deltas at once, already summed by row, in the shard's transaction (one statement). */
    void addOrders(com.fenxiao.common.shard.Shards.Shard shard, Map<DayProduct, ProductDelta> deltas);
}
