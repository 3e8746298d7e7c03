package com.fenxiao.commission.order.domain;

import java.time.Instant;

/** The fact that changed an order, carried into the commission events it causes. */
public record Cause(Kind kind, String eventId, String refundId, Instant at) {

    public enum Kind {
        PAID,
        COMPLETED,
        REFUNDED
    }

    public String reason() {
        return switch (kind) {
            case PAID -> "order paid";
            case COMPLETED -> "order completed";
            case REFUNDED -> "refund " + refundId;
        };
    }
}
