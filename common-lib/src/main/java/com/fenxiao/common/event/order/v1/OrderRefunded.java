package com.fenxiao.common.event.order.v1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fenxiao.common.event.MalformedEventException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A refund of some fen of some items; several refunds may follow one another, each with its own id. */
public record OrderRefunded(String eventId, String orderId, String refundId, Instant occurredAt, List<Item> items)
        implements OrderEvent {

    public static final String TYPE = "REFUNDED";

    public record Item(String itemId, long refundFen) {}

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }

    @Override
    public void validate() throws MalformedEventException {
        OrderEvent.requireCommon(this);
        OrderEvent.requireId("refundId", refundId);
        if (items == null || items.isEmpty()) {
            throw new MalformedEventException("items are required");
        }
        if (items.size() > MAX_ITEMS) {
            throw new MalformedEventException("more than " + MAX_ITEMS + " items");
        }
        Set<String> seen = new HashSet<>();
        for (Item item : items) {
            if (item == null) {
                throw new MalformedEventException("null item");
            }
            OrderEvent.requireId("itemId", item.itemId());
            if (!seen.add(item.itemId())) {
                throw new MalformedEventException("duplicate itemId " + item.itemId());
            }
            if (item.refundFen() <= 0) {
                throw new MalformedEventException("refundFen of item " + item.itemId() + " must be positive");
            }
        }
    }
}
