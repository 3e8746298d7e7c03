package com.fenxiao.withdrawal.request.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.relation.v1.MemberFlagCleared;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.withdrawal.request.application.FollowMemberFlags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Member risk flags from RELATION_EVENTS. */
public class RelationEventsListener implements MessageListenerConcurrently {

    private static final Logger log = LoggerFactory.getLogger(RelationEventsListener.class);

    private final EventCodec codec;
    private final FollowMemberFlags flags;

    public RelationEventsListener(EventCodec codec, FollowMemberFlags flags) {
        this.codec = codec;
        this.flags = flags;
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
                case "MEMBER_FLAGGED" -> {
                    MemberFlagged f = codec.payloadOf(envelope, MemberFlagged.class);
                    flags.apply(envelope.eventId(), f.userId(), f.reason(), true, f.flaggedAt());
                }
                case "MEMBER_FLAG_CLEARED" -> {
                    MemberFlagCleared c = codec.payloadOf(envelope, MemberFlagCleared.class);
                    flags.apply(envelope.eventId(), c.userId(), c.reason(), false, c.clearedAt());
                }
                default -> {
                    // bindings do not concern withdrawals
                }
            }
        } catch (MalformedEventException e) {
            log.error("unreadable relation event {} skipped: {}", message.getMsgId(), e.getMessage());
        }
    }
}
