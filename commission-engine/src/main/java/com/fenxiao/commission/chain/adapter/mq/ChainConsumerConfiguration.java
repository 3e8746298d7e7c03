package com.fenxiao.commission.chain.adapter.mq;

import com.fenxiao.commission.chain.application.ApplyChainChange;
import com.fenxiao.commission.member.application.ApplyMemberFlag;
import com.fenxiao.commission.member.application.ClearMemberFlag;
import com.fenxiao.commission.member.application.FollowMemberStatus;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.ManagedConsumer;
import com.fenxiao.common.messaging.RocketMqProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ChainConsumerConfiguration {

    /**
     * The RELATION_EVENTS tags this engine follows (a tag is the event type). Every event the listener
     * handles must be listed: the broker filters by tag, so an unlisted type never arrives.
     */
    static final String RELATION_TAGS = "RELATION_BOUND || RELATION_UNBOUND || MEMBER_FLAGGED || MEMBER_FLAG_CLEARED"
            + " || MEMBER_DISABLED || MEMBER_ENABLED";

    @Bean
    ManagedConsumer relationEventsConsumer(
            RocketMqProperties mq,
            java.time.Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            ApplyChainChange apply,
            ApplyMemberFlag flag,
            ClearMemberFlag clear,
            FollowMemberStatus status) {
        return new ManagedConsumer(
                mq.getNamesrv(),
                "commission-engine-relations" + suffix,
                Topics.RELATION_EVENTS,
                RELATION_TAGS,
                32,
                2,
                mq.newGroupStart(clock),
                new RelationEventsListener(codec, apply, flag, clear, status));
    }
}
