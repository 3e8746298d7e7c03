package com.fenxiao.settlement.commission.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalPaid;
import com.fenxiao.settlement.commission.application.MarkWithdrawn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A paid withdrawal marks the promoter's oldest available commissions withdrawn (SPEC §5). */
public class WithdrawalEventsListener implements MessageListenerConcurrently {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalEventsListener.class);

    private final EventCodec codec;
    private final MarkWithdrawn markWithdrawn;

    public WithdrawalEventsListener(EventCodec codec, MarkWithdrawn markWithdrawn) {
        this.codec = codec;
        this.markWithdrawn = markWithdrawn;
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        try {
            for (MessageExt message : messages) {
                try {
                    EventEnvelope envelope = codec.readEnvelope(new String(message.getBody(), StandardCharsets.UTF_8));
                    if ("WITHDRAWAL_PAID".equals(envelope.type())) {
                        WithdrawalPaid paid = codec.payloadOf(envelope, WithdrawalPaid.class);
                        markWithdrawn.apply(paid.promoterId(), paid.withdrawalId(), paid.amountFen());
                    }
                } catch (MalformedEventException e) {
                    log.error("unreadable withdrawal event {} skipped: {}", message.getMsgId(), e.getMessage());
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        } catch (RuntimeException e) {
            log.warn("withdrawal events batch failed, will be redelivered: {}", e.toString());
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
    }
}
