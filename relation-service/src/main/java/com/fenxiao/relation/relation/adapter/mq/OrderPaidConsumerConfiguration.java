package com.fenxiao.relation.relation.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.messaging.ManagedConsumer;
import com.fenxiao.common.messaging.RocketMqProperties;
import com.fenxiao.relation.relation.application.MarkOrderPaid;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** relation-service reads ORDER_EVENTS (tag PAID only) in a consumer group of its own. */
@Configuration(proxyBeanMethods = false)
public class OrderPaidConsumerConfiguration {

    @Bean
    ManagedConsumer orderPaidConsumer(
            RocketMqProperties mq,
            Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            MarkOrderPaid markOrderPaid) {
        return new ManagedConsumer(
                mq.getNamesrv(),
                "relation-service-orders" + suffix,
                Topics.ORDER_EVENTS,
                OrderPaid.TYPE,
                mq.getBatch().getBatchSize(),
                mq.getBatch().getThreads(),
                mq.newGroupStart(clock),
                new OrderPaidListener(codec, markOrderPaid, mq.getBatch()));
    }
}
