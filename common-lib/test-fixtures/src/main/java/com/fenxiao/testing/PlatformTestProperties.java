package com.fenxiao.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service under test at the real servers, with databases of its own:
 * {@code @DynamicPropertySource static void props(DynamicPropertyRegistry r) { PlatformTestProperties.register(r, MyIT.class); }}
 */
public final class PlatformTestProperties {

    private PlatformTestProperties() {}

    /** Registers endpoints and a database name unique to the test class; returns that name. */
    public static String register(DynamicPropertyRegistry registry, Class<?> testClass) {
        String database = TestInfrastructure.uniqueDatabaseName(testClass);
        TestInfrastructure.MySql mysql = TestInfrastructure.mysql();
        TestInfrastructure.Redis redis = TestInfrastructure.redis();
        registry.add("platform.datasource.name", () -> database);
        registry.add("platform.datasource.host", mysql::host);
        registry.add("platform.datasource.port", mysql::port);
        registry.add("platform.datasource.username", mysql::user);
        registry.add("platform.datasource.password", mysql::password);
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        if (!redis.password().isEmpty()) {
            registry.add("spring.data.redis.password", redis::password);
        }
        registry.add("platform.rocketmq.namesrv", TestInfrastructure::rocketMqNamesrv);
        registry.add("platform.security.jwks", TestKeys::jwks);
        registry.add("platform.security.signing-jwk", TestKeys::signingJwk);
        registry.add("platform.consumer.group-suffix", () -> "-" + database);
        registry.add("platform.rocketmq.new-groups-start-at", () -> "STARTUP");
        return database;
    }
}
