package com.fenxiao.gateway;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.web.RequestIds;
import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the whole platform, decided here once so the services need none. Runs before
 * {@link EdgeFilter}, so a preflight never needs a token and never reaches a service. A refused
 * origin gets a problem body like every other refusal, not Spring's empty 403.
 */
@Component
public class CrossOriginFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final CorsConfiguration config;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    public CrossOriginFilter(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(
                List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key", RequestIds.HEADER));
        cors.setExposedHeaders(List.of(RequestIds.HEADER, HttpHeaders.CONTENT_DISPOSITION));
        // bearer tokens, no cookies
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        this.config = cors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean allowed = processor.process(config, exchange);
        if (!allowed) {
            return Mono.error(new PlatformException.Forbidden(ErrorCodes.FORBIDDEN, "不允许的跨域来源"));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
