package com.fenxiao.commission.ingestion.adapter.mq;

import com.fenxiao.commission.CommissionProperties;
import com.fenxiao.commission.ingestion.application.RecordOrderEvents;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.BatchCombiner;
import com.fenxiao.common.messaging.ManagedConsumer;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.RocketMqProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain RocketMQ push consumer on ORDER_EVENTS (why not the Stream binder: docs/adr/0006). */
@Configuration(proxyBeanMethods = false)
public class ConsumerConfiguration {

    @Bean
    ManagedConsumer orderEventsConsumer(
            RocketMqProperties mq,
            java.time.Clock clock,
            @Value("${platform.consumer.group-suffix:}") String suffix,
            EventCodec codec,
            RecordOrderEvents record,
            MessagePublisher publisher,
            MeterRegistry meters,
            CommissionProperties props) {
        CommissionProperties.Consumer c = props.getConsumer();
        return new ManagedConsumer(
                mq.getNamesrv(),
                "commission-engine-orders" + suffix,
                Topics.ORDER_EVENTS,
                "*", // every tag: one that names no known type is dead-lettered, not silently filtered
                c.getBatchSize(),
                c.getThreads(),
                mq.newGroupStart(clock),
                new OrderEventsListener(
                        codec,
                        new BatchCombiner<>(record::record, c.getLanes(), c.getMaxBatch()),
                        publisher,
                        meters,
                        c.getRetries()));
    }
}
