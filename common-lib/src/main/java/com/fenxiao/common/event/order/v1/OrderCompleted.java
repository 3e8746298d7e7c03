package com.fenxiao.common.event.order.v1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fenxiao.common.event.MalformedEventException;
import java.time.Instant;

/** The order was received / fulfilled: the after-sales window starts at {@code occurredAt}. */
public record OrderCompleted(String eventId, String orderId, Instant occurredAt) implements OrderEvent {

    public static final String TYPE = "COMPLETED";

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }

    @Override
    public void validate() throws MalformedEventException {
        OrderEvent.requireCommon(this);
    }
}
