package com.fenxiao.settlement.reconciliation.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.ManagedConsumer;
import com.fenxiao.common.messaging.RocketMqProperties;
import com.fenxiao.settlement.reconciliation.application.ReconcileOrderEvents;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settlement's own consumer group on ORDER_EVENTS, for the order side of reconciliation. */
@Configuration(proxyBeanMethods = false)
public class OrderEventsConsumerConfiguration {

    @Bean
    ManagedConsumer reconciliationOrderEventsConsumer(
            RocketMqProperties mq,
            Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            ReconcileOrderEvents reconcile) {
        return new ManagedConsumer(
                mq.getNamesrv(),
                "settlement-orders" + suffix,
                Topics.ORDER_EVENTS,
                OrderEventsListener.TAGS,
                mq.getBatch().getBatchSize(),
                mq.getBatch().getThreads(),
                mq.newGroupStart(clock),
                new OrderEventsListener(codec, reconcile, mq.getBatch()));
    }
}
