package com.fenxiao.common.event.order.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fenxiao.common.event.MalformedEventException;
import java.time.Instant;

/**
 * Events from the order system (API.md), topic {@code ORDER_EVENTS}, tag = {@code type}, key = order id.
 * They are flat JSON as the order system sends them, not wrapped in the internal envelope.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OrderPaid.class, name = OrderPaid.TYPE),
    @JsonSubTypes.Type(value = OrderCompleted.class, name = OrderCompleted.TYPE),
    @JsonSubTypes.Type(value = OrderRefunded.class, name = OrderRefunded.TYPE)
})
public sealed interface OrderEvent permits OrderPaid, OrderCompleted, OrderRefunded {

    int MAX_ID_LENGTH = 64;
    int MAX_ITEMS = 500;

    String eventId();

    String orderId();

    Instant occurredAt();

    /** The contract's wire type, also the RocketMQ tag. */
    String type();

    /** Rejects what no handler could act on; the reason travels with the dead letter. */
    void validate() throws MalformedEventException;

    static void requireId(String name, String value) throws MalformedEventException {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(name + " is required");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new MalformedEventException(name + " is longer than " + MAX_ID_LENGTH);
        }
    }

    static void requireCommon(OrderEvent e) throws MalformedEventException {
        requireId("eventId", e.eventId());
        requireId("orderId", e.orderId());
        if (e.occurredAt() == null) {
            throw new MalformedEventException("occurredAt is required");
        }
    }
}
