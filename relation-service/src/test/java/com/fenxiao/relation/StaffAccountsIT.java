package com.fenxiao.relation;

import static com.fenxiao.relation.RelationTestSupport.assertProblem;
import static com.fenxiao.relation.RelationTestSupport.call;
import static com.fenxiao.relation.RelationTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.audit.AuditChainVerifier;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.common.security.Tokens;
import com.fenxiao.relation.staffaccount.application.BootstrapAdmin;
import com.fenxiao.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Staff accounts: the configured first ADMIN, password login for a staff token, lock-out, admin changes. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RelationTestSupport.MovableClock.class)
class StaffAccountsIT {

    static final String ROOT = "root.admin";
    static final String ROOT_PASSWORD = "初始管理员密码-2026";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, StaffAccountsIT.class);
        registry.add("platform.staff.bootstrap-admin.username", () -> ROOT);
        registry.add("platform.staff.bootstrap-admin.password", () -> ROOT_PASSWORD);
        registry.add("platform.staff.bcrypt-strength", () -> "4");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    TestClock clock;

    @Autowired
    Tokens.Verifier verifier;

    @Autowired
    BootstrapAdmin bootstrap;

    @Autowired
    AuditChainVerifier auditChain;

    @Autowired
    DataSource dataSource;

    @Test
    void the_configured_first_admin_logs_in_for_a_short_lived_staff_token_carrying_its_roles() {
        ResponseEntity<String> answer = login(ROOT, ROOT_PASSWORD);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode body = json(answer.getBody());
        assertThat(body.path("expiresIn").asLong())
                .isEqualTo(Duration.ofHours(8).toSeconds());
        assertThat(body.path("roles").toString()).isEqualTo("[\"ADMIN\"]");

        CallerIdentity caller = verifier.verify(body.path("token").asText());
        assertThat(caller.isStaff()).isTrue();
        assertThat(caller.roles()).containsExactly(StaffRole.ADMIN);
        assertThat(Long.toString(caller.subjectId()))
                .isEqualTo(body.path("staffId").asText());
        assertThat(call(
                                http,
                                HttpMethod.GET,
                                "/admin/v1/staff",
                                body.path("token").asText(),
                                null)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        // usernames compare case-insensitively
        assertThat(login("Root.Admin", ROOT_PASSWORD).getStatusCode().value()).isEqualTo(200);
        // with an ADMIN in place, the configured one is not created again
        assertThat(bootstrap.ensureAnAdmin()).isFalse();
    }

    @Test
    void wrong_passwords_and_unknown_names_answer_alike_and_five_failures_lock_the_name_for_fifteen_minutes() {
        String name = "ops." + suffix();
        createStaff(name, "正确的密码-abcdef", StaffRole.OPS);
        String unknown = "nobody." + suffix();

        for (int i = 1; i <= 5; i++) {
            ResponseEntity<String> wrong = login(name, "错误的密码-" + i + "xxxxxx");
            ResponseEntity<String> nobody = login(unknown, "错误的密码-" + i + "xxxxxx");
            assertProblem(wrong, 401, "LOGIN_FAILED");
            assertProblem(nobody, 401, "LOGIN_FAILED");
            assertThat(json(wrong.getBody()).path("detail"))
                    .isEqualTo(json(nobody.getBody()).path("detail"));
        }
        // locked now: even the right password is refused, and an unknown name is locked the same way
        assertProblem(login(name, "正确的密码-abcdef"), 429, "ACCOUNT_LOCKED");
        assertProblem(login(unknown, "正确的密码-abcdef"), 429, "ACCOUNT_LOCKED");

        clock.advance(Duration.ofMinutes(14));
        assertProblem(login(name, "正确的密码-abcdef"), 429, "ACCOUNT_LOCKED");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(login(name, "正确的密码-abcdef").getStatusCode().value()).isEqualTo(200);

        assertThat(new JdbcTemplate(dataSource)
                        .queryForList(
                                "SELECT a.action FROM audit_log a JOIN staff_account s ON a.target_id = CAST(s.id AS CHAR)"
                                        + " WHERE a.target_type = 'STAFF' AND s.username = ?",
                                String.class,
                                name))
                .contains("STAFF_CREATED", "STAFF_LOCKED");
    }

    @Test
    void failures_spread_beyond_the_window_do_not_lock() {
        String name = "fin." + suffix();
        createStaff(name, "财务同事的密码-123456", StaffRole.FINANCE);
        for (int i = 0; i < 4; i++) {
            assertProblem(login(name, "not-the-password"), 401, "LOGIN_FAILED");
        }
        clock.advance(Duration.ofMinutes(16));
        assertProblem(login(name, "not-the-password"), 401, "LOGIN_FAILED");
        assertThat(login(name, "财务同事的密码-123456").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void admins_create_change_disable_and_reset_staff_and_every_change_is_audited() {
        String admin = adminToken();
        String rootId =
                json(login(ROOT, ROOT_PASSWORD).getBody()).path("staffId").asText();

        // the last enabled ADMIN cannot lose the role or be disabled
        assertProblem(
                call(
                        http,
                        HttpMethod.PUT,
                        "/admin/v1/staff/" + rootId + "/roles",
                        admin,
                        Map.of("roles", List.of("OPS"), "reason", "误操作")),
                409,
                "LAST_ADMIN");
        assertProblem(
                call(http, HttpMethod.POST, "/admin/v1/staff/" + rootId + "/disable", admin, Map.of("reason", "x")),
                409,
                "LAST_ADMIN");

        String name = "audit." + suffix();
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/staff",
                        admin,
                        Map.of("username", name, "password", "short-1", "roles", List.of("AUDITOR"))),
                400,
                "PASSWORD_TOO_WEAK");
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/staff",
                        admin,
                        Map.of("username", "x", "password", "long-enough-password", "roles", List.of("AUDITOR"))),
                400,
                "USERNAME_INVALID");
        // only an ADMIN manages staff
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/staff",
                        RelationTestSupport.staffToken(issuer(), 9, StaffRole.OPS),
                        Map.of("username", name, "password", "long-enough-password", "roles", List.of("OPS"))),
                403,
                "FORBIDDEN");

        String id = createStaff(name, "审计同事的密码-0001", StaffRole.AUDITOR);
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/staff",
                        admin,
                        Map.of(
                                "username",
                                name.toUpperCase(),
                                "password",
                                "another-password-1",
                                "roles",
                                List.of("OPS"))),
                409,
                "USERNAME_TAKEN");

        ResponseEntity<String> changed = call(
                http,
                HttpMethod.PUT,
                "/admin/v1/staff/" + id + "/roles",
                admin,
                Map.of("roles", List.of("OPS", "FINANCE"), "reason", "岗位调整"));
        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
        assertThat(changed.getBody()).doesNotContain("password_hash").doesNotContain("$2a$");
        assertThat(verifier.verify(json(login(name, "审计同事的密码-0001").getBody())
                                .path("token")
                                .asText())
                        .roles())
                .containsExactlyInAnyOrder(StaffRole.OPS, StaffRole.FINANCE);

        assertThat(call(http, HttpMethod.POST, "/admin/v1/staff/" + id + "/disable", admin, Map.of("reason", "离职"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertProblem(login(name, "审计同事的密码-0001"), 401, "LOGIN_FAILED");
        assertThat(call(http, HttpMethod.POST, "/admin/v1/staff/" + id + "/enable", admin, Map.of("reason", "返聘"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/staff/" + id + "/password",
                        admin,
                        Map.of("password", "too-short", "reason", "忘记密码")),
                400,
                "PASSWORD_TOO_WEAK");
        assertThat(call(
                                http,
                                HttpMethod.POST,
                                "/admin/v1/staff/" + id + "/password",
                                admin,
                                Map.of("password", "新的密码-0002-abc", "reason", "忘记密码"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertProblem(login(name, "审计同事的密码-0001"), 401, "LOGIN_FAILED");
        assertThat(login(name, "新的密码-0002-abc").getStatusCode().value()).isEqualTo(200);

        String auditor = RelationTestSupport.staffToken(issuer(), 77, StaffRole.AUDITOR);
        JsonNode audit = RelationTestSupport.get(http, "/admin/v1/audit?targetType=STAFF&targetId=" + id, auditor);
        assertThat(audit.path("items").findValuesAsText("action"))
                .containsExactly(
                        "STAFF_PASSWORD_RESET",
                        "STAFF_ENABLED",
                        "STAFF_DISABLED",
                        "STAFF_ROLES_CHANGED",
                        "STAFF_CREATED");
        assertThat(audit.toString()).doesNotContain("$2a$").doesNotContain("新的密码");
        assertThat(auditChain.verify().ok()).isTrue();
    }

    private ResponseEntity<String> login(String username, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(
                "/admin/v1/auth/login",
                HttpMethod.POST,
                new HttpEntity<>(Map.of("username", username, "password", password), headers),
                String.class);
    }

    private String adminToken() {
        ResponseEntity<String> answer = login(ROOT, ROOT_PASSWORD);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json(answer.getBody()).path("token").asText();
    }

    private String createStaff(String name, String password, StaffRole role) {
        ResponseEntity<String> created = call(
                http,
                HttpMethod.POST,
                "/admin/v1/staff",
                adminToken(),
                Map.of("username", name, "password", password, "roles", List.of(role.name())));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return json(created.getBody()).path("id").asText();
    }

    @Autowired
    Tokens.Issuer tokenIssuer;

    private Tokens.Issuer issuer() {
        return tokenIssuer;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
