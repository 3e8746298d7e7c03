package com.fenxiao.common.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps {@code REDIS_PASSWORD} to {@code spring.data.redis.password} only when it is not empty: an
 * empty password would make the client send {@code AUTH ""}, which a server without a password refuses.
 */
public class RedisPasswordEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String password = environment.getProperty("REDIS_PASSWORD");
        if (password != null && !password.isEmpty() && !environment.containsProperty("spring.data.redis.password")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "platform-redis-password", Map.of("spring.data.redis.password", password)));
        }
    }
}
