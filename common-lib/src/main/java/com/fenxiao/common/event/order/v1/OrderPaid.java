package com.fenxiao.common.event.order.v1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fenxiao.common.event.MalformedEventException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public record OrderPaid(
        String eventId, String orderId, String orderNo, long buyerId, Instant occurredAt, List<Item> items)
        implements OrderEvent {

    public static final String TYPE = "PAID";

    public record Item(String itemId, String productId, String categoryId, int quantity, long paidFen, long costFen) {}

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }

    @Override
    public void validate() throws MalformedEventException {
        OrderEvent.requireCommon(this);
        OrderEvent.requireId("orderNo", orderNo);
        if (buyerId <= 0) {
            throw new MalformedEventException("buyerId must be positive");
        }
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
            OrderEvent.requireId("productId", item.productId());
            if (!seen.add(item.itemId())) {
                throw new MalformedEventException("duplicate itemId " + item.itemId());
            }
            if (item.quantity() <= 0) {
                throw new MalformedEventException("quantity of item " + item.itemId() + " must be positive");
            }
            if (item.paidFen() < 0 || item.costFen() < 0) {
                throw new MalformedEventException("amounts of item " + item.itemId() + " must not be negative");
            }
        }
    }
}
