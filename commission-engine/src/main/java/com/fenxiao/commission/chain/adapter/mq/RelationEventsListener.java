package com.fenxiao.commission.chain.adapter.mq;

import com.fenxiao.commission.chain.application.ApplyChainChange;
import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.member.application.ApplyMemberFlag;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.event.relation.v1.RelationUnbound;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows relation-service's bound / unbound announcements into the local buyer chains, and its
 * member flags into the local standings (flagged buyers and promoters have their commissions held).
 */
public class RelationEventsListener implements MessageListenerConcurrently {

    private static final Logger log = LoggerFactory.getLogger(RelationEventsListener.class);

    private final EventCodec codec;
    private final ApplyChainChange apply;
    private final ApplyMemberFlag flag;

    public RelationEventsListener(EventCodec codec, ApplyChainChange apply, ApplyMemberFlag flag) {
        this.codec = codec;
        this.apply = apply;
        this.flag = flag;
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        try {
            for (MessageExt message : messages) {
                handle(message);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        } catch (RuntimeException e) {
            log.warn("relation events batch failed, will be redelivered: {}", e.toString());
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
    }

    private void handle(MessageExt message) {
        try {
            EventEnvelope envelope = codec.readEnvelope(new String(message.getBody(), StandardCharsets.UTF_8));
            switch (envelope.type()) {
                case "RELATION_BOUND" -> {
                    RelationBound bound = codec.payloadOf(envelope, RelationBound.class);
                    apply.apply(
                            envelope.eventId(),
                            new Chain(bound.userId(), bound.inviterId(), bound.inviterL2Id(), bound.boundAt()));
                }
                case "RELATION_UNBOUND" -> {
                    RelationUnbound unbound = codec.payloadOf(envelope, RelationUnbound.class);
                    apply.apply(envelope.eventId(), Chain.unbound(unbound.userId(), unbound.unboundAt()));
                }
                case "MEMBER_FLAGGED" -> {
                    MemberFlagged flagged = codec.payloadOf(envelope, MemberFlagged.class);
                    flag.apply(envelope.eventId(), flagged.userId(), flagged.reason(), flagged.flaggedAt());
                }
                default -> {
                    // other relation events do not change chains
                }
            }
        } catch (MalformedEventException e) {
            log.error("unreadable relation event {} skipped: {}", message.getMsgId(), e.getMessage());
        }
    }
}
