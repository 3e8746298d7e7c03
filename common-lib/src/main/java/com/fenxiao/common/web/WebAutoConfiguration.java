package com.fenxiao.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemAdvice.class)
public class WebAutoConfiguration {

    @Bean
    public FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** A wildcard Content-Type is a 415 problem, not a 500 from inside Spring's body reading. */
    @Bean
    public FilterRegistrationBean<ContentTypeGuardFilter> contentTypeGuardFilter(ObjectMapper mapper) {
        FilterRegistrationBean<ContentTypeGuardFilter> registration =
                new FilterRegistrationBean<>(new ContentTypeGuardFilter(mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** A write whose Accept cannot take the JSON answer is refused before it changes anything. */
    @Bean
    public org.springframework.web.servlet.config.annotation.WebMvcConfigurer acceptGuard() {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addInterceptors(
                    org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(new AcceptGuardInterceptor());
            }
        };
    }

    /**
     * A body naming a member twice is ambiguous and refused as malformed (400). Without this, Jackson
     * fails such a body for a record with a definition error that Spring reports as a 500.
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Tomcat's own refusals (before any servlet) as problem details instead of its HTML page. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatProblems {
        @Bean
        public org.springframework.context.ApplicationListener<
                        org.springframework.boot.web.context.WebServerInitializedEvent>
                problemErrorReportValve() {
            return event -> {
                if (event.getWebServer()
                        instanceof org.springframework.boot.web.embedded.tomcat.TomcatWebServer tomcat) {
                    ProblemErrorReportValve.install(tomcat.getTomcat().getHost().getPipeline());
                }
            };
        }
    }
}
