package com.fenxiao.gateway;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.security.CallerIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts requests per rule and key in fixed windows in Redis (one atomic INCR + PEXPIRE script per
 * rule) and answers 429 {@code RATE_LIMITED} with {@code Retry-After} past the limit. When Redis does
 * not answer, requests pass (logged and counted): an outage of the counter must not lock every
 * member out; the services' own guards (binding rate limit, withdrawal limits) still hold.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    public static final int ORDER = EdgeFilter.ORDER + 10;
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final RedisScript<Long> INCREMENT = RedisScript.of(
            "local n = redis.call('INCR', KEYS[1]) "
                    + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
                    + "return n",
            Long.class);

    private final RateLimitProperties props;
    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;
    private final MeterRegistry meters;

    public RateLimitFilter(
            RateLimitProperties props, ReactiveStringRedisTemplate redis, Clock clock, MeterRegistry meters) {
        this.props = props;
        this.redis = redis;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!props.isEnabled()) {
            return chain.filter(exchange);
        }
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        List<RateLimitProperties.Rule> matching =
                props.getRules().stream().filter(r -> r.matches(method, path)).toList();
        if (matching.isEmpty()) {
            return chain.filter(exchange);
        }
        return Flux.fromIterable(matching)
                .concatMap(rule -> check(rule, exchange))
                .then(chain.filter(exchange));
    }

    private Mono<Void> check(RateLimitProperties.Rule rule, ServerWebExchange exchange) {
        String key = keyOf(rule, exchange);
        if (key == null) {
            return Mono.empty(); // a member rule on an anonymous request: the edge filter refused it already
        }
        long windowMillis = rule.getWindow().toMillis();
        long now = clock.millis();
        long windowStart = now - Math.floorMod(now, windowMillis);
        String redisKey = "rl:" + rule.getName() + ":" + key + ":" + windowStart;
        return redis.execute(INCREMENT, List.of(redisKey), List.of(Long.toString(windowMillis)))
                .next()
                .flatMap(count -> {
                    if (count > rule.getLimit()) {
                        long retryAfter = Math.max(1, (windowStart + windowMillis - now + 999) / 1000);
                        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
                        meters.counter("gateway.rate_limited", "rule", rule.getName())
                                .increment();
                        return Mono.<Void>error(
                                new PlatformException.RateLimited(ErrorCodes.RATE_LIMITED, "请求过于频繁,请稍后再试"));
                    }
                    return Mono.<Void>empty();
                })
                .onErrorResume(e -> !(e instanceof PlatformException), e -> {
                    log.warn("rate limit counter unavailable, letting {} pass: {}", rule.getName(), e.toString());
                    meters.counter("gateway.rate_limit_unavailable").increment();
                    return Mono.empty();
                });
    }

    private static String keyOf(RateLimitProperties.Rule rule, ServerWebExchange exchange) {
        if (rule.getKeyBy() == RateLimitProperties.KeyBy.MEMBER) {
            CallerIdentity caller = exchange.getAttribute(EdgeFilter.CALLER_ATTRIBUTE);
            return caller == null ? null : "m" + caller.subjectId();
        }
        String client = exchange.getAttribute(EdgeFilter.CLIENT_ADDRESS_ATTRIBUTE);
        return client == null ? "unknown" : client;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
