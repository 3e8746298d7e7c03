package com.fenxiao.settlement.reconciliation.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.order.v1.OrderEvent;
import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.event.order.v1.OrderRefunded;
import com.fenxiao.common.messaging.BatchCombiner;
import com.fenxiao.common.messaging.RocketMqProperties;
import com.fenxiao.settlement.reconciliation.application.ReconcileOrderEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paid and refunded order events (flat JSON, tag = type). A malformed message is logged and skipped:
 * commission-engine's consumer dead-letters the same message with its reason, so a second dead letter
 * would only duplicate it. The batch (combined with other listener threads' batches) is applied in one
 * call; a failure of the database retries at once a few times, then the batch is delivered again;
 * dedupe by event id makes that safe.
 */
public class OrderEventsListener implements MessageListenerConcurrently {

    static final String TAGS = OrderPaid.TYPE + " || " + OrderRefunded.TYPE;
    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final EventCodec codec;
    private final BatchCombiner<OrderEvent> combiner;
    private final int retries;

    public OrderEventsListener(EventCodec codec, ReconcileOrderEvents reconcile, RocketMqProperties.Batch settings) {
        this.codec = codec;
        this.combiner = new BatchCombiner<>(reconcile::applyAll, settings.getLanes(), settings.getMaxBatch());
        this.retries = settings.getRetries();
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        List<OrderEvent> events = new ArrayList<>(messages.size());
        for (MessageExt message : messages) {
            OrderEvent event = read(message);
            if (event != null) {
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }
        return combiner.recordRetrying(events, retries, "order events for reconciliation")
                ? ConsumeConcurrentlyStatus.CONSUME_SUCCESS
                : ConsumeConcurrentlyStatus.RECONSUME_LATER;
    }

    private OrderEvent read(MessageExt message) {
        try {
            OrderEvent event = codec.read(new String(message.getBody(), StandardCharsets.UTF_8), OrderEvent.class);
            event.validate();
            if (message.getTags() != null
                    && !message.getTags().isEmpty()
                    && !message.getTags().equals(event.type())) {
                throw new MalformedEventException("tag " + message.getTags() + " does not match type " + event.type());
            }
            return event;
        } catch (MalformedEventException e) {
            log.error("unreadable order event {} skipped by reconciliation: {}", message.getMsgId(), e.getMessage());
            return null;
        }
    }
}
