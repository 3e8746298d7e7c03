package com.fenxiao.common.id;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
public class IdAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdAutoConfiguration.class);

    /**
     * The worker id must differ per running instance (Kubernetes: derive it from the pod ordinal). When
     * it is not configured, one is derived from host and process id, which is fine for one machine.
     */
    @Bean
    @ConditionalOnMissingBean
    public IdGenerator idGenerator(Clock clock, @Value("${platform.id.worker-id:-1}") int workerId) {
        int effective = workerId >= 0
                ? workerId
                : Math.floorMod(
                        ManagementFactory.getRuntimeMXBean().getName().hashCode(), IdGenerator.MAX_WORKER_ID + 1);
        if (workerId < 0) {
            log.info("platform.id.worker-id not set, derived worker id {}", effective);
        }
        return new IdGenerator(clock, effective);
    }
}
