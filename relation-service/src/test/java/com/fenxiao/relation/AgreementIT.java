package com.fenxiao.relation;

import static com.fenxiao.relation.RelationTestSupport.AGREEMENT_VERSION;
import static com.fenxiao.relation.RelationTestSupport.assertProblem;
import static com.fenxiao.relation.RelationTestSupport.call;
import static com.fenxiao.relation.RelationTestSupport.get;
import static com.fenxiao.relation.RelationTestSupport.json;
import static com.fenxiao.relation.RelationTestSupport.login;
import static com.fenxiao.relation.RelationTestSupport.loginRaw;
import static com.fenxiao.relation.RelationTestSupport.randomIp;
import static com.fenxiao.relation.RelationTestSupport.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.relation.RelationTestSupport.Login;
import com.fenxiao.testing.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The promotion agreement is kept by the server (SPEC §2.6): members read the version in force, login
 * and acceptance must name a known version, and a member who accepted only an older version is asked
 * to accept the new one once it is in force.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RelationTestSupport.MovableClock.class)
class AgreementIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, AgreementIT.class);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    TestClock clock;

    @Autowired
    DataSource dataSource;

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Test
    void anyone_reads_the_agreement_in_force_with_its_version_text_and_effective_date() {
        ResponseEntity<String> answer = http.getForEntity("/api/v1/auth/agreement", String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode agreement = json(answer.getBody());
        assertThat(agreement.path("version").asText()).isEqualTo(AGREEMENT_VERSION);
        assertThat(agreement.path("title").asText()).isEqualTo("推广员协议");
        assertThat(agreement.path("paragraphs")).hasSize(7);
        assertThat(agreement.path("paragraphs").get(1).asText()).contains("两级分佣");
        assertThat(Instant.parse(agreement.path("effectiveAt").asText()))
                .isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
    }

    @Test
    void a_login_with_an_unknown_agreement_version_is_refused_as_a_problem_and_registers_nobody() {
        String code = uniqueCode();
        ResponseEntity<String> answer =
                loginRaw(http, code, null, "dev-" + UUID.randomUUID(), randomIp(), "nick", "whatever-I-like");
        assertProblem(answer, 400, "AGREEMENT_VERSION_UNKNOWN");
        assertThat(json(answer.getBody()).path("detail").asText()).contains("协议");
        assertThat(jdbc().queryForObject(
                                "SELECT COUNT(*) FROM agreement_acceptance WHERE version = 'whatever-I-like'",
                                Integer.class))
                .isZero();
        // the same code then registers with the real version: the refused login spent nothing
        Login member = login(http, code, null);
        assertThat(member.newUser()).isTrue();
    }

    @Test
    void a_member_who_accepted_the_version_in_force_need_not_accept_again() {
        Login member = login(http, uniqueCode(), null);
        JsonNode agreement = get(http, "/api/v1/me/promoter", member.token()).path("agreement");
        assertThat(agreement.path("acceptedVersion").asText()).isEqualTo(AGREEMENT_VERSION);
        assertThat(agreement.path("currentVersion").asText()).isEqualTo(AGREEMENT_VERSION);
        assertThat(agreement.path("reacceptRequired").asBoolean()).isFalse();
    }

    @Test
    void when_a_newer_version_comes_into_force_a_member_who_accepted_only_the_older_one_must_accept_it() {
        String code = uniqueCode();
        Login member = login(http, code, null);
        String newer = "promo-it-" + Long.toString(System.nanoTime(), 36);
        Instant effective = clock.instant().plus(Duration.ofDays(1));
        jdbc().update(
                        "INSERT INTO agreement_version (version, title, body, effective_at, created_at)"
                                + " VALUES (?, '推广员协议', ?, ?, ?)",
                        newer,
                        "一、新版协议第一条。\n二、平台仅支持两级分佣。",
                        Timestamp.from(effective),
                        Timestamp.from(clock.instant()));
        Instant start = clock.instant();
        try {
            movesToTheNewerVersion(member, code, newer);
        } finally {
            // the other tests of this class see the seeded version in force again
            clock.set(start);
            jdbc().update("DELETE FROM agreement_version WHERE version = ?", newer);
        }
    }

    private void movesToTheNewerVersion(Login before, String code, String newer) {
        Login member = before;
        // not in force yet: nothing changes, and the newer version cannot be used before its day
        assertThat(get(http, "/api/v1/me/promoter", member.token())
                        .path("agreement")
                        .path("reacceptRequired")
                        .asBoolean())
                .isFalse();
        assertProblem(
                call(http, HttpMethod.POST, "/api/v1/me/promoter/agreement", member.token(), Map.of("version", newer)),
                400,
                "AGREEMENT_VERSION_UNKNOWN");

        clock.advance(Duration.ofDays(2));
        // two days on the token has expired; a client still showing the older text logs in again with it
        member = login(http, code, null);
        assertThat(member.newUser()).isFalse();
        assertThat(json(http.getForObject("/api/v1/auth/agreement", String.class))
                        .path("version")
                        .asText())
                .isEqualTo(newer);
        JsonNode view = get(http, "/api/v1/me/promoter", member.token()).path("agreement");
        assertThat(view.path("acceptedVersion").asText()).isEqualTo(AGREEMENT_VERSION);
        assertThat(view.path("currentVersion").asText()).isEqualTo(newer);
        assertThat(view.path("reacceptRequired").asBoolean()).isTrue();
        JsonNode standing = get(http, "/api/v1/me/promoter/agreement", member.token());
        assertThat(standing.path("reacceptRequired").asBoolean()).isTrue();
        assertThat(standing.path("current").path("version").asText()).isEqualTo(newer);
        assertThat(standing.path("current").path("paragraphs")).hasSize(2);

        // the older version is known but no longer acceptable; an unknown one is a bad request
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/api/v1/me/promoter/agreement",
                        member.token(),
                        Map.of("version", AGREEMENT_VERSION)),
                409,
                "AGREEMENT_VERSION_OUTDATED");
        assertProblem(
                call(http, HttpMethod.POST, "/api/v1/me/promoter/agreement", member.token(), Map.of("version", "v9")),
                400,
                "AGREEMENT_VERSION_UNKNOWN");

        ResponseEntity<String> accepted =
                call(http, HttpMethod.POST, "/api/v1/me/promoter/agreement", member.token(), Map.of("version", newer));
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
        assertThat(json(accepted.getBody()).path("reacceptRequired").asBoolean())
                .isFalse();
        JsonNode after = get(http, "/api/v1/me/promoter", member.token()).path("agreement");
        assertThat(after.path("acceptedVersion").asText()).isEqualTo(newer);
        assertThat(after.path("reacceptRequired").asBoolean()).isFalse();
        // the acceptance is on record with its time and IP, once, even when sent twice
        call(http, HttpMethod.POST, "/api/v1/me/promoter/agreement", member.token(), Map.of("version", newer));
        assertThat(jdbc().queryForObject(
                                "SELECT COUNT(*) FROM agreement_acceptance WHERE user_id = ? AND version = ?",
                                Integer.class,
                                member.userId(),
                                newer))
                .isEqualTo(1);
    }
}
