package com.fenxiao.withdrawal.request.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.ManagedConsumer;
import com.fenxiao.common.messaging.RocketMqProperties;
import com.fenxiao.withdrawal.request.application.FollowMemberFlags;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class RequestConsumerConfiguration {

    @Bean
    ManagedConsumer memberFlagsConsumer(
            RocketMqProperties mq,
            Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            FollowMemberFlags flags) {
        return new ManagedConsumer(
                mq.getNamesrv(),
                "withdrawal-service-member-flags" + suffix,
                Topics.RELATION_EVENTS,
                "MEMBER_FLAGGED || MEMBER_FLAG_CLEARED",
                16,
                1,
                mq.newGroupStart(clock),
                new RelationEventsListener(codec, flags));
    }
}
