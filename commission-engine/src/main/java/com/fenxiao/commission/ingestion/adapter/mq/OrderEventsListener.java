package com.fenxiao.commission.ingestion.adapter.mq;

import com.fenxiao.commission.record.application.RecordPaidOrder;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.order.v1.OrderEvent;
import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.messaging.MessagePublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code ORDER_EVENTS}. A message that can never be handled (not JSON, unknown type, missing
 * fields) goes to {@code ORDER_EVENTS_DLQ} with its reason and the consumer moves on; a message that
 * failed for a passing reason (database down) is delivered again later.
 */
public class OrderEventsListener implements MessageListenerConcurrently {

    public static final String DLQ_REASON = "DLQ_REASON";
    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final EventCodec codec;
    private final RecordPaidOrder recordPaidOrder;
    private final MessagePublisher publisher;
    private final Counter deadLettered;
    private final Counter handled;

    public OrderEventsListener(
            EventCodec codec, RecordPaidOrder recordPaidOrder, MessagePublisher publisher, MeterRegistry meters) {
        this.codec = codec;
        this.recordPaidOrder = recordPaidOrder;
        this.publisher = publisher;
        this.deadLettered = Counter.builder("order_events.dead_lettered").register(meters);
        this.handled = Counter.builder("order_events.handled").register(meters);
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        try {
            for (MessageExt message : messages) {
                handle(message);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        } catch (RuntimeException | MessagePublisher.PublishException e) {
            log.warn("order events batch failed, will be redelivered: {}", e.toString());
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
    }

    private void handle(MessageExt message) throws MessagePublisher.PublishException {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        OrderEvent event;
        try {
            event = codec.read(body, OrderEvent.class);
            event.validate();
            if (message.getTags() != null
                    && !message.getTags().isEmpty()
                    && !message.getTags().equals(event.type())) {
                throw new MalformedEventException("tag " + message.getTags() + " does not match type " + event.type());
            }
        } catch (MalformedEventException e) {
            deadLetter(message, body, e.getMessage());
            return;
        }
        if (event instanceof OrderPaid paid) {
            recordPaidOrder.handle(paid);
        }
        handled.increment();
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
}
