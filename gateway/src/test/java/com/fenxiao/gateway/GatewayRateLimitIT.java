package com.fenxiao.gateway;

import com.fenxiao.testing.TestInfrastructure;
import com.fenxiao.testing.TestKeys;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Rate limits counted in the real Redis: the K+1-th request in a window is refused with a problem. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRateLimitIT {

    private static final StubService services = StubService.start();
    // a rule name of its own, so counts of earlier runs in the same Redis never leak in
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestInfrastructure.Redis redis = TestInfrastructure.redis();
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        registry.add("platform.security.jwks", TestKeys::jwks);
        registry.add("RELATION_URI", services::uri);
        registry.add("COMMISSION_URI", services::uri);
        registry.add("WITHDRAWAL_URI", services::uri);
        registry.add("SETTLEMENT_URI", services::uri);
        registry.add("platform.gateway.rate-limits.rules[0].name", () -> "login-" + RUN);
        registry.add("platform.gateway.rate-limits.rules[0].path", () -> "/api/v1/auth/login");
        registry.add("platform.gateway.rate-limits.rules[0].key-by", () -> "IP");
        registry.add("platform.gateway.rate-limits.rules[0].limit", () -> 3);
        registry.add("platform.gateway.rate-limits.rules[0].window", () -> "1h");
        registry.add("platform.gateway.rate-limits.rules[1].name", () -> "bind-" + RUN);
        registry.add("platform.gateway.rate-limits.rules[1].path", () -> "/api/v1/me/relation/bind");
        registry.add("platform.gateway.rate-limits.rules[1].methods", () -> "POST");
        registry.add("platform.gateway.rate-limits.rules[1].key-by", () -> "MEMBER");
        registry.add("platform.gateway.rate-limits.rules[1].limit", () -> 2);
        registry.add("platform.gateway.rate-limits.rules[1].window", () -> "1h");
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void refuses_the_fourth_login_from_one_address_within_the_window_with_a_problem_and_retry_after() {
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/v1/auth/login").exchange().expectStatus().isOk();
        }
        client.post()
                .uri("/api/v1/auth/login")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("RATE_LIMITED")
                .jsonPath("$.status")
                .isEqualTo(429);
    }

    @Test
    void counts_binding_attempts_per_member_so_one_member_does_not_use_up_another_ones_allowance() {
        long memberA = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        long memberB = memberA + 1;
        for (int i = 0; i < 2; i++) {
            bind(memberA).expectStatus().isOk();
        }
        bind(memberA)
                .expectStatus()
                .isEqualTo(429)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("RATE_LIMITED");
        bind(memberB).expectStatus().isOk();
        // reads of the same path are not counted by a POST-only rule
        client.get()
                .uri("/api/v1/me/relation/bind")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.memberToken(memberA))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec bind(long member) {
        return client.post()
                .uri("/api/v1/me/relation/bind")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.memberToken(member))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"inviteCode\":\"ABC123\"}")
                .exchange();
    }
}
