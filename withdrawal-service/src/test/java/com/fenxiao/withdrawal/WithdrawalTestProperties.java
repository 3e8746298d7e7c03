package com.fenxiao.withdrawal;

import com.fenxiao.testing.PlatformTestProperties;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real stack for this service's integration tests, plus keys generated for this test JVM only
 * (ID-number encryption and keyed hash); nothing secret is committed.
 */
public final class WithdrawalTestProperties {

    private static final String ID_KEY = randomKey();
    private static final String HASH_KEY = randomKey();

    private WithdrawalTestProperties() {}

    public static String register(DynamicPropertyRegistry registry, Class<?> testClass) {
        String database = PlatformTestProperties.register(registry, testClass);
        registerKeys(registry);
        return database;
    }

    public static void registerKeys(DynamicPropertyRegistry registry) {
        registry.add("platform.identity.crypto.keys.t1", () -> ID_KEY);
        registry.add("platform.identity.crypto.active-key", () -> "t1");
        registry.add("platform.identity.crypto.hash-key", () -> HASH_KEY);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
