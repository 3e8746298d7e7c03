package com.fenxiao.common.event.commission.v1;

/** One product's part of a commission's current amount (the sum of its items' shares), for reconciliation. */
public record ProductShare(String productId, long amountFen) {}
