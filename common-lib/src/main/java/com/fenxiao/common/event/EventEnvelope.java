package com.fenxiao.common.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * What every internal event looks like on the wire: identity, type and version first, then the
 * payload. Consumers dedupe by {@code eventId}; {@code key} is the RocketMQ message key (the
 * aggregate id), so one aggregate's events can be found together.
 */
public record EventEnvelope(
        String eventId, String type, int version, Instant occurredAt, String key, JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }
}
