package com.fenxiao.relation.relation.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.order.v1.OrderEvent;
import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.messaging.BatchCombiner;
import com.fenxiao.common.messaging.RocketMqProperties;
import com.fenxiao.relation.relation.application.MarkOrderPaid;
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
 * Learns "this buyer has a paid order" from ORDER_EVENTS, a batch at a time ({@link MarkOrderPaid#handleAll},
 * combined across listener threads). A malformed message is logged and skipped here: the commission engine
 * owns the dead-letter topic for order events, and a second copy there would only confuse whoever replays
 * it. A passing failure (database down) is retried, then redelivered.
 */
public class OrderPaidListener implements MessageListenerConcurrently {

    private static final Logger log = LoggerFactory.getLogger(OrderPaidListener.class);

    private final EventCodec codec;
    private final BatchCombiner<OrderPaid> combiner;
    private final int retries;

    public OrderPaidListener(EventCodec codec, MarkOrderPaid markOrderPaid, RocketMqProperties.Batch settings) {
        this.codec = codec;
        this.combiner = new BatchCombiner<>(markOrderPaid::handleAll, settings.getLanes(), settings.getMaxBatch());
        this.retries = settings.getRetries();
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        List<OrderPaid> paid = new ArrayList<>(messages.size());
        for (MessageExt message : messages) {
            try {
                OrderEvent event = codec.read(new String(message.getBody(), StandardCharsets.UTF_8), OrderEvent.class);
                event.validate();
                if (event instanceof OrderPaid p) {
                    paid.add(p);
                }
            } catch (MalformedEventException e) {
                log.warn("unreadable order event {} skipped: {}", message.getMsgId(), e.getMessage());
            }
        }
        if (paid.isEmpty()) {
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }
        return combiner.recordRetrying(paid, retries, "order paid events")
                ? ConsumeConcurrentlyStatus.CONSUME_SUCCESS
                : ConsumeConcurrentlyStatus.RECONSUME_LATER;
    }
}
