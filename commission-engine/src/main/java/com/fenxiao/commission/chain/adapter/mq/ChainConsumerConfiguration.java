package com.fenxiao.commission.chain.adapter.mq;

import com.fenxiao.commission.chain.application.ApplyChainChange;
import com.fenxiao.commission.member.application.ApplyMemberFlag;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.ManagedConsumer;
import com.fenxiao.common.messaging.RocketMqProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ChainConsumerConfiguration {

    @Bean
    ManagedConsumer relationEventsConsumer(
            RocketMqProperties mq,
            java.time.Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            ApplyChainChange apply,
            ApplyMemberFlag flag) {
        return new ManagedConsumer(
                mq.getNamesrv(),
                "commission-engine-relations" + suffix,
                Topics.RELATION_EVENTS,
                "RELATION_BOUND || RELATION_UNBOUND || MEMBER_FLAGGED",
                32,
                2,
                mq.newGroupStart(clock),
                new RelationEventsListener(codec, apply, flag));
    }
}
