package com.fenxiao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.Tokens;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway behind a load balancer (here the test client's own address, 127.0.0.1, is the trusted
 * proxy): the services receive the client address the proxy saw, not one the client wrote itself.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustedProxyRoutingTest {

    private static final ECKey KEY = Tokens.newSigningKey("test");
    private static final Tokens.Issuer ISSUER = new Tokens.Issuer(KEY.toJSONString(), "fenxiao", Clock.systemUTC());
    private static final StubService services = StubService.start();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwks", () -> new JWKSet(KEY.toPublicJWK()).toString());
        registry.add("platform.gateway.client-address.trusted-proxies", () -> "127.0.0.1/32,10.0.0.0/8");
        registry.add("RELATION_URI", services::uri);
        registry.add("COMMISSION_URI", services::uri);
        registry.add("WITHDRAWAL_URI", services::uri);
        registry.add("SETTLEMENT_URI", services::uri);
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Autowired
    WebTestClient client;

    private String forwardedClientOf(String forwardedFor) {
        String token = ISSUER.issue(CallerIdentity.member(42, null), Duration.ofMinutes(5))
                .token();
        client.get()
                .uri("/api/v1/me/team?level=1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Forwarded-For", forwardedFor)
                .header("X-Client-Ip", "9.9.9.9")
                .exchange()
                .expectStatus()
                .isOk();
        return services.last().headers().getFirst("X-Client-Ip");
    }

    @Test
    void takes_the_first_untrusted_hop_and_ignores_what_the_client_wrote_before_it() {
        assertThat(forwardedClientOf("203.0.113.9, 10.0.0.5")).isEqualTo("203.0.113.9");
        assertThat(forwardedClientOf("1.2.3.4, 203.0.113.10, 10.0.0.5")).isEqualTo("203.0.113.10");
    }

    @Test
    void members_behind_one_load_balancer_keep_their_own_addresses() {
        assertThat(forwardedClientOf("203.0.113.11")).isEqualTo("203.0.113.11");
        assertThat(forwardedClientOf("203.0.113.12")).isEqualTo("203.0.113.12");
    }
}
