package com.fenxiao.withdrawal.identity.adapter.verifier;

import com.fenxiao.withdrawal.identity.domain.IdentityVerifier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A deployment that has a real verifier declares its own {@link IdentityVerifier} bean. */
@Configuration(proxyBeanMethods = false)
class VerifierConfiguration {

    @Bean
    @ConditionalOnMissingBean(IdentityVerifier.class)
    IdentityVerifier acceptAllVerifier() {
        LoggerFactory.getLogger(VerifierConfiguration.class)
                .warn("no real-name verifier configured: every well-formed identity is accepted (local use only)");
        return new AcceptAllVerifier();
    }
}
