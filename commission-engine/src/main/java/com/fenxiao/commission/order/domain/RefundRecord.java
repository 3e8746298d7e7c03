package com.fenxiao.commission.order.domain;

import java.time.Instant;
import java.util.List;

/** A refund as received; refunds of one order are told apart by {@code refundId}, not by event id. */
public record RefundRecord(String refundId, String eventId, Instant refundedAt, List<OrderFact.RefundLine> items) {

    public RefundRecord {
        items = List.copyOf(items);
    }
}
