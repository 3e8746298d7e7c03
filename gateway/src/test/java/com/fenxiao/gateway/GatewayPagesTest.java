package com.fenxiao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.common.security.Tokens;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The member H5 and the staff console are public static pages; the APIs they call stay protected. */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayPagesTest {

    private static final ECKey KEY = Tokens.newSigningKey("test");
    private static final StubService services = StubService.start();
    private static final Path STATIC = Path.of("src/main/resources/static");

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwks", () -> new JWKSet(KEY.toPublicJWK()).toString());
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

    @LocalServerPort
    int port;

    @Test
    void serves_the_member_h5_without_a_token_under_a_policy_that_keeps_it_to_this_origin() {
        String html = client.get()
                .uri("/h5/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .valueMatches("Content-Security-Policy", ".*default-src 'self'.*script-src 'self';.*")
                .expectHeader()
                .valueEquals("Cache-Control", "no-cache")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html).contains("<html lang=\"zh-CN\">", "推广中心", "app.js");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void serves_the_staff_console_which_refuses_to_be_framed() {
        String html = client.get()
                .uri("/console/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("Content-Security-Policy", ".*frame-ancestors 'none'.*")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html).contains("运营后台", "app.js");
    }

    @Test
    void sends_a_folder_address_without_its_slash_to_the_folder_keeping_the_invite_code() {
        client.get()
                .uri("/h5?invite=AB3DEF7")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/h5/?invite=AB3DEF7");
    }

    @Test
    void serves_the_page_scripts_as_javascript() {
        for (String script : List.of("/h5/app.js", "/h5/format.js", "/console/app.js")) {
            client.get()
                    .uri(script)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith("text/javascript")
                    .expectHeader()
                    .valueEquals("Cache-Control", "no-cache");
        }
    }

    @Test
    void keeps_the_apis_the_pages_call_protected() {
        client.get().uri("/api/v1/me/promoter").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/me/wallet").exchange().expectStatus().isUnauthorized();
        client.get().uri("/admin/v1/rules").exchange().expectStatus().isUnauthorized();
        client.get()
                .uri("/admin/v1/relations/unbind-requests")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        // a page path cannot be used to climb into an API path
        client.get()
                .uri(URI.create("http://localhost:" + port + "/h5/%2e%2e/api/v1/me/wallet"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        client.get().uri("/console/../admin/v1/rules").exchange().expectStatus().isBadRequest();

        assertThat(services.received()).isEmpty();
    }

    @Test
    void gives_an_unknown_page_file_a_404_not_a_service_answer() {
        client.get().uri("/h5/nothing-here.js").exchange().expectStatus().isNotFound();
        assertThat(services.received()).isEmpty();
    }

    @Test
    void every_page_carries_the_compliance_notice_and_none_shows_a_third_level() throws IOException {
        String format = Files.readString(STATIC.resolve("h5/format.js"), StandardCharsets.UTF_8);
        assertThat(format).contains("COMPLIANCE_NOTICE = '本平台仅支持两级分佣,收益来自真实消费'");
        assertThat(Files.readString(STATIC.resolve("h5/app.js"), StandardCharsets.UTF_8))
                .contains("notice.textContent = COMPLIANCE_NOTICE");

        try (Stream<Path> files = Files.walk(STATIC)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text)
                        .as("%s names no third level (SPEC §2.1)", file)
                        .doesNotContain("三级", "level3", "level=3", "inviterL3", "LEVEL_3");
                assertThat(text)
                        .as("%s loads nothing from another origin (offline machines, CSP)", file)
                        .doesNotContainPattern("(src|href)=\"(https?:)?//");
            }
        }
    }
}
