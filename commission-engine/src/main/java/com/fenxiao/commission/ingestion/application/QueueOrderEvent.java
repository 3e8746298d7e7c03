package com.fenxiao.commission.ingestion.application;

import com.fenxiao.commission.ingestion.domain.SignedDelivery;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.order.v1.OrderEvent;
import com.fenxiao.common.messaging.MessagePublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The HTTP path for order systems that cannot publish to RocketMQ: verify the signature, validate the
 * event as the MQ consumer would, then send it to ORDER_EVENTS with a synchronous send and answer only
 * when the broker has it ("durably queued"). From there it takes the same path as every order event.
 */
@Service
public class QueueOrderEvent {

    public static final String INVALID = "ORDER_EVENT_INVALID";

    private final SignedDelivery signatures;
    private final EventCodec codec;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final int maxBodyBytes;

    public QueueOrderEvent(IntegrationProperties props, EventCodec codec, MessagePublisher publisher, Clock clock) {
        this.signatures = new SignedDelivery(props.secrets(), props.getReplayWindow());
        this.codec = codec;
        this.publisher = publisher;
        this.clock = clock;
        this.maxBodyBytes = props.getMaxBodyBytes();
    }

    /** The event as queued. */
    public record Queued(String eventId, String orderId, String type) {}

    /** Thrown when the broker did not take the event: the client should retry. */
    public static final class NotQueued extends RuntimeException {
        public NotQueued(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Queued queue(String clientId, String timestamp, String signature, byte[] body) {
        if (body == null || body.length == 0) {
            throw new PlatformException.InvalidRequest(INVALID, "empty body");
        }
        if (body.length > maxBodyBytes) {
            throw new PlatformException.InvalidRequest(
                    "PAYLOAD_TOO_LARGE", "body is larger than " + maxBodyBytes + " bytes");
        }
        try {
            signatures.verify(clientId, timestamp, signature, body, clock.instant());
        } catch (SignedDelivery.Refused e) {
            throw new PlatformException.Unauthenticated(e.code(), e.getMessage());
        }
        String json = new String(body, StandardCharsets.UTF_8);
        OrderEvent event;
        try {
            event = codec.read(json, OrderEvent.class);
            event.validate();
        } catch (MalformedEventException e) {
            throw new PlatformException.InvalidRequest(INVALID, e.getMessage(), Map.of("reason", e.getMessage()));
        }
        try {
            publisher.send(new MessagePublisher.Outgoing(
                    Topics.ORDER_EVENTS, event.type(), event.orderId(), json, Map.of("SOURCE", "http:" + clientId)));
        } catch (MessagePublisher.PublishException e) {
            throw new NotQueued("the event could not be queued, retry later", e);
        }
        return new Queued(event.eventId(), event.orderId(), event.type());
    }
}
