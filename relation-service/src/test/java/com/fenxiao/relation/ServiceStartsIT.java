package com.fenxiao.relation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts on the real stack, migrates its databases, and answers as every service must. */
@AutoConfigureObservability
// one live context per JVM: consumers of a closed test class stop with it
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceStartsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, ServiceStartsIT.class);
    }

    @Autowired
    TestRestTemplate http;

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
        HttpHeaders staffOnly = new HttpHeaders();
        staffOnly.setBearerAuth(TestKeys.memberToken(42));
        ResponseEntity<String> admin =
                http.exchange("/admin/v1/anything", HttpMethod.GET, new HttpEntity<>(staffOnly), String.class);
        assertThat(admin.getStatusCode().value()).isEqualTo(403);
        assertThat(admin.getBody()).contains("\"code\":\"FORBIDDEN\"");
    }
}
