package com.fenxiao.common.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    /** Every service verifies tokens; a service without a key set refuses to start. */
    @Bean
    @ConditionalOnMissingBean
    public Tokens.Verifier tokenVerifier(SecurityProperties props, Clock clock) {
        if (props.getJwks() == null || props.getJwks().isBlank()) {
            throw new IllegalStateException(
                    "platform.security.jwks (PLATFORM_SECURITY_JWKS) is required: the public key set that verifies tokens");
        }
        return new Tokens.Verifier(props.getJwks(), props.getIssuer(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(SigningKeyConfigured.class)
    public Tokens.Issuer tokenIssuer(SecurityProperties props, Clock clock) {
        return new Tokens.Issuer(props.getSigningJwk(), props.getIssuer(), clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletSecurity implements WebMvcConfigurer {

        @Bean
        public FilterRegistrationBean<CallerAuthenticationFilter> callerAuthenticationFilter(
                Tokens.Verifier verifier, ObjectMapper mapper) {
            FilterRegistrationBean<CallerAuthenticationFilter> registration =
                    new FilterRegistrationBean<>(new CallerAuthenticationFilter(verifier, mapper));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CallerArgumentResolver());
        }
    }

    /** Only services that issue tokens hold the private key; an empty value means "not this service". */
    static class SigningKeyConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String jwk = context.getEnvironment().getProperty("platform.security.signing-jwk");
            return jwk != null && !jwk.isBlank();
        }
    }
}
