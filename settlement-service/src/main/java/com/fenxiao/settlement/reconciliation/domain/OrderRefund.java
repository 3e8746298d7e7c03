package com.fenxiao.settlement.reconciliation.domain;

import java.util.List;

/** One refund of an order, applied at most once (by {@code refundId}). */
public record OrderRefund(String refundId, List<Line> lines) {

    public OrderRefund {
        lines = List.copyOf(lines);
    }

    public record Line(String itemId, long refundFen) {}
}
