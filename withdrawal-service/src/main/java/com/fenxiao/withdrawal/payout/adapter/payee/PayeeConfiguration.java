package com.fenxiao.withdrawal.payout.adapter.payee;

import com.fenxiao.withdrawal.payout.domain.Payees;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PayeeConfiguration {

    @Bean
    @ConditionalOnMissingBean(Payees.class)
    Payees localPayees() {
        LoggerFactory.getLogger(PayeeConfiguration.class)
                .warn("payees resolved by the local stand-in (o-local-<member id>): not for production");
        return new LocalPayees();
    }
}
