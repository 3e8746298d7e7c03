package com.fenxiao.settlement.reconciliation.domain;

/** Reconciliation's row per order (sharded by order id). */
public interface SettlementOrders {

    /** The order's row, created empty if missing, locked until the end of the transaction. */
    ReconciledOrder lockOrCreate(String orderId);

    void save(ReconciledOrder order);
}
