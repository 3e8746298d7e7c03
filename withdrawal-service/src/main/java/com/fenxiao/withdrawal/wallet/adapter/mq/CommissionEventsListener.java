package com.fenxiao.withdrawal.wallet.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.commission.v1.CommissionAdjusted;
import com.fenxiao.common.event.commission.v1.CommissionCancelled;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.CommissionSettled;
import com.fenxiao.withdrawal.wallet.application.FollowCommission;
import com.fenxiao.withdrawal.wallet.domain.CommissionChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** COMMISSION_EVENTS into the wallet: one use case call per message; failures are redelivered. */
public class CommissionEventsListener implements MessageListenerConcurrently {

    static final String TAGS = "COMMISSION_CREATED || COMMISSION_ADJUSTED || COMMISSION_CANCELLED"
            + " || COMMISSION_SETTLED || COMMISSION_REVERSED";
    private static final Logger log = LoggerFactory.getLogger(CommissionEventsListener.class);

    private final EventCodec codec;
    private final FollowCommission follow;

    public CommissionEventsListener(EventCodec codec, FollowCommission follow) {
        this.codec = codec;
        this.follow = follow;
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        try {
            for (MessageExt message : messages) {
                handle(message);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        } catch (RuntimeException e) {
            log.warn("commission events batch failed, will be redelivered: {}", e.toString());
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
    }

    private void handle(MessageExt message) {
        EventEnvelope envelope;
        CommissionChange change;
        try {
            envelope = codec.readEnvelope(new String(message.getBody(), StandardCharsets.UTF_8));
            change = changeOf(envelope);
        } catch (MalformedEventException e) {
            log.error("unreadable commission event {} skipped: {}", message.getMsgId(), e.getMessage());
            return;
        }
        if (change != null) {
            follow.apply(envelope.eventId(), change);
        }
    }

    CommissionChange changeOf(EventEnvelope envelope) throws MalformedEventException {
        return switch (envelope.type()) {
            case "COMMISSION_CREATED" -> {
                CommissionCreated c = codec.payloadOf(envelope, CommissionCreated.class);
                yield new CommissionChange.Created(c.commissionId(), c.promoterId(), c.amountFen(), c.recordVersion());
            }
            case "COMMISSION_ADJUSTED" -> {
                CommissionAdjusted a = codec.payloadOf(envelope, CommissionAdjusted.class);
                yield new CommissionChange.Adjusted(
                        a.commissionId(), a.promoterId(), a.amountFen(), a.recordVersion(), envelope.eventId());
            }
            case "COMMISSION_CANCELLED" -> {
                CommissionCancelled x = codec.payloadOf(envelope, CommissionCancelled.class);
                yield new CommissionChange.Cancelled(x.commissionId(), x.promoterId());
            }
            case "COMMISSION_SETTLED" -> {
                CommissionSettled s = codec.payloadOf(envelope, CommissionSettled.class);
                yield new CommissionChange.Settled(s.commissionId(), s.promoterId(), s.amountFen());
            }
            case "COMMISSION_REVERSED" -> {
                CommissionReversed r = codec.payloadOf(envelope, CommissionReversed.class);
                yield new CommissionChange.Reversed(r.commissionId(), r.promoterId(), r.refundId(), r.amountFen());
            }
            default -> null; // completed, withdrawn: nothing for the wallet
        };
    }
}
