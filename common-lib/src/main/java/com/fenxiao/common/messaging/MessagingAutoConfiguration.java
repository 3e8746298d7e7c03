package com.fenxiao.common.messaging;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.common.outbox.OutboxRelay;
import com.fenxiao.common.persistence.DatabaseProperties;
import com.fenxiao.common.persistence.PersistenceAutoConfiguration;
import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.common.shard.Shards;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@AutoConfiguration(after = PersistenceAutoConfiguration.class)
@EnableConfigurationProperties(RocketMqProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public EventCodec eventCodec() {
        return new EventCodec();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(PhysicalDatabases.class)
    static class OutboxConfiguration {

        @Bean
        @ConditionalOnMissingBean
        public Outbox outbox(DataSource dataSource, IdGenerator ids, EventCodec codec, Clock clock) {
            return new Outbox(new JdbcTemplate(dataSource), ids, codec, clock);
        }

        @Bean
        @ConditionalOnMissingBean
        public Shards shards(
                PhysicalDatabases physical, DatabaseProperties props, IdGenerator ids, EventCodec codec, Clock clock) {
            return new Shards(physical, props.isSharded(), ids, codec, clock);
        }

        @Bean
        @ConditionalOnMissingBean
        public ProcessedEvents processedEvents(DataSource dataSource, Clock clock) {
            return new ProcessedEvents(new JdbcTemplate(dataSource), clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.rocketmq.client.producer.DefaultMQProducer")
    @ConditionalOnProperty("platform.rocketmq.namesrv")
    static class RocketMqConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        public MessagePublisher messagePublisher(
                RocketMqProperties props, @Value("${spring.application.name:fenxiao}") String app) {
            return new MessagePublisher(props.getNamesrv(), app + "-producer", props.getSendTimeoutMillis());
        }

        @Bean
        @ConditionalOnBean(PhysicalDatabases.class)
        @ConditionalOnProperty(value = "platform.outbox.relay.enabled", matchIfMissing = true)
        public OutboxRelay outboxRelay(
                PhysicalDatabases databases,
                MessagePublisher publisher,
                Clock clock,
                RocketMqProperties props,
                ObjectProvider<MeterRegistry> meters) {
            return new OutboxRelay(
                    databases,
                    publisher,
                    clock,
                    props.getRelayBatchSize(),
                    props.getRelayIdleMillis(),
                    meters.getIfAvailable(SimpleMeterRegistry::new));
        }
    }
}
