package com.fenxiao.settlement.reconciliation.domain;

/** One item of a paid order as reconciliation keeps it: what was paid for it and what it cost. */
public record PaidItem(String itemId, String productId, long paidFen, long costFen) {}
