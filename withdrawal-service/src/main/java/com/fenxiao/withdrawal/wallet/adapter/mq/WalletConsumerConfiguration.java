package com.fenxiao.withdrawal.wallet.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.ManagedConsumer;
import com.fenxiao.common.messaging.RocketMqProperties;
import com.fenxiao.withdrawal.wallet.application.FollowCommission;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class WalletConsumerConfiguration {

    @Bean
    ManagedConsumer commissionEventsConsumer(
            RocketMqProperties mq,
            Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            FollowCommission follow) {
        return new ManagedConsumer(
                mq.getNamesrv(),
                "withdrawal-service-commissions" + suffix,
                Topics.COMMISSION_EVENTS,
                CommissionEventsListener.TAGS,
                mq.getBatch().getBatchSize(),
                mq.getBatch().getThreads(),
                mq.newGroupStart(clock),
                new CommissionEventsListener(codec, follow, mq.getBatch()));
    }
}
