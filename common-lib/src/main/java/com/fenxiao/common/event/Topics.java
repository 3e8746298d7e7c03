package com.fenxiao.common.event;

/** RocketMQ topics of the platform. Tags carry the event type. */
public final class Topics {

    public static final String ORDER_EVENTS = "ORDER_EVENTS";
    /** Malformed order events, with their reason in the {@code DLQ_REASON} user property. */
    public static final String ORDER_EVENTS_DLQ = "ORDER_EVENTS_DLQ";

    public static final String RELATION_EVENTS = "RELATION_EVENTS";
    public static final String COMMISSION_EVENTS = "COMMISSION_EVENTS";
    public static final String WITHDRAWAL_EVENTS = "WITHDRAWAL_EVENTS";

    public static final String[] ALL = {
        ORDER_EVENTS, ORDER_EVENTS_DLQ, RELATION_EVENTS, COMMISSION_EVENTS, WITHDRAWAL_EVENTS
    };

    public static String deadLetterOf(String topic) {
        return topic + "_DLQ";
    }

    private Topics() {}
}
