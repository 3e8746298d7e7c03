package com.fenxiao.settlement.reconciliation.domain;

/** Reconciliation's row per order (sharded by order id). */
public interface SettlementOrders {

    /** The order's row, created empty if missing, locked until the end of the transaction. */
    ReconciledOrder lockOrCreate(String orderId);

    void save(ReconciledOrder order);

    /** The batch form on one database: the orders' rows that exist, locked, by order id. */
    java.util.Map<String, ReconciledOrder> lockAll(
            com.fenxiao.common.shard.Shards.Shard shard, java.util.Collection<String> orderIds);

    /** Writes rows: {@code created} did not exist (plain insert), the others are locked by this transaction. */
    void writeAll(
            com.fenxiao.common.shard.Shards.Shard shard,
            java.util.List<ReconciledOrder> created,
            java.util.List<ReconciledOrder> updated);
}
