package com.fenxiao.commission.ingestion.adapter.mq;

import com.fenxiao.commission.record.application.RecordPaidOrder;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.ManagedConsumer;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.RocketMqProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ConsumerConfiguration {

    @Bean
    ManagedConsumer orderEventsConsumer(
            RocketMqProperties mq,
            java.time.Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            RecordPaidOrder recordPaidOrder,
            MessagePublisher publisher,
            MeterRegistry meters) {
        return new ManagedConsumer(
                mq.getNamesrv(),
                "commission-engine-orders" + suffix,
                Topics.ORDER_EVENTS,
                "*",
                32,
                4,
                mq.newGroupStart(clock),
                new OrderEventsListener(codec, recordPaidOrder, publisher, meters));
    }
}
