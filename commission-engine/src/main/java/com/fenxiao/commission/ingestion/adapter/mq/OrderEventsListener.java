package com.fenxiao.commission.ingestion.adapter.mq;

import com.fenxiao.commission.ingestion.application.OrderFacts;
import com.fenxiao.commission.ingestion.application.RecordOrderEvents;
import com.fenxiao.commission.order.domain.OrderFact;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.order.v1.OrderEvent;
import com.fenxiao.common.messaging.BatchCombiner;
import com.fenxiao.common.messaging.MessagePublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code ORDER_EVENTS} a batch at a time. A message that can never be handled (not JSON,
 * unknown type, missing fields, tag and type disagreeing) goes to {@code ORDER_EVENTS_DLQ} with its
 * reason and the consumer moves on; the rest of the batch goes to {@link RecordOrderEvents} in one
 * call, combined with the batches of other listener threads ({@link BatchCombiner}). A batch that fails for a passing reason (a deadlock, a duplicate insert from another
 * instance, the database down) is retried at once a few times, then delivered again later: every step
 * is idempotent, so a retry only finishes what the failed attempt did not.
 */
public class OrderEventsListener implements MessageListenerConcurrently {

    public static final String DLQ_REASON = "DLQ_REASON";
    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final EventCodec codec;
    private final BatchCombiner<OrderFact> record;
    private final MessagePublisher publisher;
    private final int retries;
    private final Counter deadLettered;
    private final Counter handled;
    private final Counter retried;
    private final Timer batches;

    public OrderEventsListener(
            EventCodec codec,
            BatchCombiner<OrderFact> record,
            MessagePublisher publisher,
            MeterRegistry meters,
            int retries) {
        this.codec = codec;
        this.record = record;
        this.publisher = publisher;
        this.retries = retries;
        this.deadLettered = Counter.builder("order_events.dead_lettered").register(meters);
        this.handled = Counter.builder("order_events.handled").register(meters);
        this.retried = Counter.builder("order_events.batch_retries").register(meters);
        this.batches = Timer.builder("order_events.batch").register(meters);
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        List<OrderFact> facts = new ArrayList<>(messages.size());
        try {
            for (MessageExt message : messages) {
                OrderFact fact = read(message);
                if (fact != null) {
                    facts.add(fact);
                }
            }
        } catch (MessagePublisher.PublishException e) {
            log.warn("dead-lettering failed, batch will be redelivered: {}", e.toString());
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                batches.record(() -> record.record(facts));
                handled.increment(facts.size());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            } catch (RuntimeException e) {
                if (attempt >= retries) {
                    log.warn("order events batch failed {} times, will be redelivered: {}", attempt + 1, e.toString());
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
                retried.increment();
                log.info("order events batch failed (attempt {}), retrying: {}", attempt + 1, e.toString());
                pause(attempt);
            }
        }
    }

    /** The fact a message carries, or null when it was dead-lettered. */
    private OrderFact read(MessageExt message) throws MessagePublisher.PublishException {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        try {
            OrderEvent event = codec.read(body, OrderEvent.class);
            event.validate();
            if (message.getTags() != null
                    && !message.getTags().isEmpty()
                    && !message.getTags().equals(event.type())) {
                throw new MalformedEventException("tag " + message.getTags() + " does not match type " + event.type());
            }
            return OrderFacts.of(event);
        } catch (MalformedEventException e) {
            deadLetter(message, body, e.getMessage());
            return null;
        }
    }

    private void deadLetter(MessageExt message, String body, String reason) throws MessagePublisher.PublishException {
        String key = message.getKeys() == null ? message.getMsgId() : message.getKeys();
        publisher.send(new MessagePublisher.Outgoing(
                Topics.ORDER_EVENTS_DLQ,
                message.getTags() == null ? "UNKNOWN" : message.getTags(),
                key,
                body,
                Map.of(DLQ_REASON, truncate(reason), "ORIGINAL_MSG_ID", message.getMsgId())));
        deadLettered.increment();
        log.warn("order event {} dead-lettered: {}", message.getMsgId(), reason);
    }

    private static String truncate(String reason) {
        String r = reason == null ? "unknown" : reason.replaceAll("[\\r\\n]+", " ");
        return r.length() > 500 ? r.substring(0, 500) : r;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * (attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
