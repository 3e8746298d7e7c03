package com.fenxiao.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/**
 * Writes and reads events with one fixed JSON configuration (ISO-8601 times, unknown fields ignored
 * so producers may add fields), independent of each service's web mapper.
 */
public final class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec() {
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public static EventType typeOf(Class<? extends PlatformEvent> contract) {
        EventType type = contract.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(contract.getName() + " lacks @EventType");
        }
        return type;
    }

    public EventEnvelope wrap(String eventId, Instant occurredAt, PlatformEvent payload) {
        EventType type = typeOf(payload.getClass());
        return new EventEnvelope(
                eventId, type.value(), type.version(), occurredAt, payload.key(), mapper.valueToTree(payload));
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getName(), e);
        }
    }

    public EventEnvelope readEnvelope(String json) throws MalformedEventException {
        try {
            EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
            if (envelope == null) {
                throw new MalformedEventException("empty message");
            }
            return envelope;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not an event envelope: " + e.getMessage());
        }
    }

    public <T extends PlatformEvent> T payloadOf(EventEnvelope envelope, Class<T> contract)
            throws MalformedEventException {
        EventType type = typeOf(contract);
        if (!type.value().equals(envelope.type()) || type.version() != envelope.version()) {
            throw new MalformedEventException("expected " + type.value() + " v" + type.version() + " but got "
                    + envelope.type() + " v" + envelope.version());
        }
        try {
            return mapper.treeToValue(envelope.payload(), contract);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("bad " + type.value() + " payload: " + e.getMessage());
        }
    }

    private static String pathOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : "field " + path + ": ";
    }

    public <T> T read(String json, Class<T> type) throws MalformedEventException {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new MalformedEventException("empty message");
            }
            return value;
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new MalformedEventException(pathOf(e) + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(e.getOriginalMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(String.valueOf(e.getMessage()));
        }
    }
}
