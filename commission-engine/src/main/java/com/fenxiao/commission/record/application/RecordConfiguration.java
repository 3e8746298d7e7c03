package com.fenxiao.commission.record.application;

import com.fenxiao.commission.record.domain.CommissionCalculator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecordConfiguration {

    @Bean
    CommissionCalculator commissionCalculator(
            @Value("${platform.commission.default-rates.level1-bp:800}") int level1,
            @Value("${platform.commission.default-rates.level2-bp:300}") int level2) {
        return new CommissionCalculator(level1, level2);
    }
}
