package com.fenxiao.commission.record.adapter.mq;

import com.fenxiao.commission.record.application.FollowSettlement;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.ManagedConsumer;
import com.fenxiao.common.messaging.RocketMqProperties;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SettlementConsumerConfiguration {

    @Bean
    ManagedConsumer settlementEventsConsumer(
            RocketMqProperties mq,
            Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            FollowSettlement follow) {
        return new ManagedConsumer(
                mq.getNamesrv(),
                "commission-engine-settlement" + suffix,
                Topics.COMMISSION_EVENTS,
                SettlementEventsListener.TAGS,
                mq.getBatch().getBatchSize(),
                mq.getBatch().getThreads(),
                mq.newGroupStart(clock),
                new SettlementEventsListener(codec, follow, mq.getBatch()));
    }
}
