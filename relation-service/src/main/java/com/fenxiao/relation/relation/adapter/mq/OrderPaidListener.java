package com.fenxiao.relation.relation.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.order.v1.OrderEvent;
import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.relation.relation.application.MarkOrderPaid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns "this buyer has a paid order" from ORDER_EVENTS. A malformed message is logged and skipped
 * here: the commission engine owns the dead-letter topic for order events, and a second copy there
 * would only confuse whoever replays it. A passing failure (database down) is redelivered.
 */
public class OrderPaidListener implements MessageListenerConcurrently {

    private static final Logger log = LoggerFactory.getLogger(OrderPaidListener.class);

    private final EventCodec codec;
    private final MarkOrderPaid markOrderPaid;

    public OrderPaidListener(EventCodec codec, MarkOrderPaid markOrderPaid) {
        this.codec = codec;
        this.markOrderPaid = markOrderPaid;
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        try {
            for (MessageExt message : messages) {
                handle(message);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        } catch (RuntimeException e) {
            log.warn("order paid batch failed, will be redelivered: {}", e.toString());
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
    }

    private void handle(MessageExt message) {
        OrderEvent event;
        try {
            event = codec.read(new String(message.getBody(), StandardCharsets.UTF_8), OrderEvent.class);
            event.validate();
        } catch (MalformedEventException e) {
            log.warn("unreadable order event {} skipped: {}", message.getMsgId(), e.getMessage());
            return;
        }
        if (event instanceof OrderPaid paid) {
            markOrderPaid.handle(paid);
        }
    }
}
