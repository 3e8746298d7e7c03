package com.fenxiao.settlement.commission.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.ManagedConsumer;
import com.fenxiao.common.messaging.RocketMqProperties;
import com.fenxiao.settlement.commission.application.MarkWithdrawn;
import com.fenxiao.settlement.commission.application.RecordCommissionEvents;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommissionConsumerConfiguration {

    @Bean
    ManagedConsumer commissionEventsConsumer(
            RocketMqProperties mq,
            Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            RecordCommissionEvents record) {
        return new ManagedConsumer(
                mq.getNamesrv(),
                "settlement-commissions" + suffix,
                Topics.COMMISSION_EVENTS,
                CommissionEventsListener.TAGS,
                mq.getBatch().getBatchSize(),
                mq.getBatch().getThreads(),
                mq.newGroupStart(clock),
                new CommissionEventsListener(codec, record, mq.getBatch()));
    }

    @Bean
    ManagedConsumer withdrawalEventsConsumer(
            RocketMqProperties mq,
            Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            MarkWithdrawn markWithdrawn) {
        return new ManagedConsumer(
                mq.getNamesrv(),
                "settlement-withdrawals" + suffix,
                Topics.WITHDRAWAL_EVENTS,
                "WITHDRAWAL_PAID",
                16,
                2,
                mq.newGroupStart(clock),
                new WithdrawalEventsListener(codec, markWithdrawn));
    }
}
