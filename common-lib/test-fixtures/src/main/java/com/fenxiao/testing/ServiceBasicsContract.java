package com.fenxiao.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every service must answer, on the real stack: ready with its database and Redis, metrics and
 * OpenAPI served, member paths refused without a token (a bare user-id header proves nothing),
 * problems instead of 500s. A service's {@code ServiceStartsIT} extends this with
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}, {@code @AutoConfigureObservability} and
 * {@code @DirtiesContext(classMode = AFTER_CLASS)}.
 */
public abstract class ServiceBasicsContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, ServiceBasicsContract.class);
    }

    @Autowired
    protected TestRestTemplate http;

    @Test
    void reports_ready_with_its_database_and_redis_up() {
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForObject("/actuator/health", String.class))
                .contains("\"db\"")
                .contains("\"redis\"");
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("jvm_memory_used_bytes");
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("openapi");
    }

    @Test
    void refuses_member_paths_without_a_token_and_ignores_a_bare_user_id_header() {
        HttpHeaders forged = new HttpHeaders();
        forged.add("X-User-Id", "1");
        ResponseEntity<String> answer =
                http.exchange("/api/v1/me/anything", HttpMethod.GET, new HttpEntity<>(forged), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(answer.getBody()).contains("\"code\":\"UNAUTHENTICATED\"").contains("traceId");
    }

    @Test
    void a_member_token_passes_the_filter_and_an_unknown_path_is_a_problem_not_a_500() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(42));
        ResponseEntity<String> answer =
                http.exchange("/api/v1/me/no-such-path", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).contains("\"code\":\"NOT_FOUND\"");
        ResponseEntity<String> admin =
                http.exchange("/admin/v1/anything", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(admin.getStatusCode().value()).isEqualTo(403);
        assertThat(admin.getBody()).contains("\"code\":\"FORBIDDEN\"");
    }
}
