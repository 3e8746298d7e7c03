package com.fenxiao.relation;

import static com.fenxiao.relation.RelationTestSupport.assertProblem;
import static com.fenxiao.relation.RelationTestSupport.call;
import static com.fenxiao.relation.RelationTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.audit.AuditChainVerifier;
import com.fenxiao.common.audit.AuditRecord;
import com.fenxiao.common.audit.AuditTrail;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.common.security.Tokens;
import com.fenxiao.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The shared audit trail as relation-service keeps it: verified, queried, exported, and an edit detected. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RelationTestSupport.MovableClock.class)
class AuditChainIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, AuditChainIT.class);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    IdGenerator ids;

    @Autowired
    TestClock clock;

    @Autowired
    Tokens.Issuer issuer;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private String auditor() {
        return RelationTestSupport.staffToken(issuer, 903, StaffRole.AUDITOR);
    }

    @Test
    void an_untouched_chain_written_at_sub_second_times_verifies() {
        clock.set(Instant.parse("2026-11-25T10:00:00.987654321Z"));
        List<Long> written = appendSome("SUBSECOND", 5, Duration.ofMillis(123));

        JsonNode verification = get(http, "/admin/v1/audit/verify", auditor());
        assertThat(verification.path("ok").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.path("checked").asLong()).isGreaterThanOrEqualTo(written.size());
        assertThat(verification.path("firstBrokenId").isNull()).isTrue();

        // what the hash covers is what is stored: the whole second
        Instant stored = new JdbcTemplate(dataSource)
                .queryForObject("SELECT at FROM audit_log WHERE id = ?", java.sql.Timestamp.class, written.get(0))
                .toInstant();
        assertThat(stored).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void the_verifier_reports_the_entry_whose_stored_row_was_edited() {
        List<Long> written = appendSome("TAMPER", 4, Duration.ofSeconds(1));
        assertThat(verifier.verify().ok()).isTrue();
        long edited = written.get(2);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String original = jdbc.queryForObject("SELECT reason FROM audit_log WHERE id = ?", String.class, edited);

        jdbc.update("UPDATE audit_log SET reason = 'x' WHERE id = ?", edited);
        try {
            JsonNode verification = get(http, "/admin/v1/audit/verify", auditor());
            assertThat(verification.path("ok").asBoolean()).isFalse();
            assertThat(verification.path("firstBrokenId").asText()).isEqualTo(Long.toString(edited));
            assertThat(verification.path("reason").asText()).isEqualTo(AuditChainVerifier.HASH_MISMATCH);

            // an edit that also re-computes the row's own hash breaks the link to the next entry instead
            String prev = jdbc.queryForObject("SELECT prev_hash FROM audit_log WHERE id = ?", String.class, edited);
            AuditRecord forged = jdbc.queryForObject(
                    "SELECT id, actor_id, action, target_type, target_id, before_json, after_json, reason,"
                            + " request_id, at FROM audit_log WHERE id = ?",
                    (rs, i) -> new AuditRecord(
                            rs.getLong("id"),
                            rs.getLong("actor_id"),
                            rs.getString("action"),
                            rs.getString("target_type"),
                            rs.getString("target_id"),
                            rs.getString("before_json"),
                            rs.getString("after_json"),
                            rs.getString("reason"),
                            rs.getString("request_id"),
                            rs.getTimestamp("at").toInstant()),
                    edited);
            jdbc.update("UPDATE audit_log SET hash = ? WHERE id = ?", AuditTrail.hash(prev, forged), edited);
            AuditChainVerifier.Verification relinked = verifier.verify();
            assertThat(relinked.ok()).isFalse();
            assertThat(relinked.firstBrokenId()).isEqualTo(written.get(3));
            assertThat(relinked.reason()).isEqualTo(AuditChainVerifier.PREVIOUS_HASH_MISMATCH);
        } finally {
            jdbc.update("UPDATE audit_log SET reason = ? WHERE id = ?", original, edited);
            String prev = jdbc.queryForObject("SELECT prev_hash FROM audit_log WHERE id = ?", String.class, edited);
            // restore the true hash: the row's fields are back to what was appended
            AuditRecord restored = jdbc.queryForObject(
                    "SELECT id, actor_id, action, target_type, target_id, before_json, after_json, reason,"
                            + " request_id, at FROM audit_log WHERE id = ?",
                    (rs, i) -> new AuditRecord(
                            rs.getLong("id"),
                            rs.getLong("actor_id"),
                            rs.getString("action"),
                            rs.getString("target_type"),
                            rs.getString("target_id"),
                            rs.getString("before_json"),
                            rs.getString("after_json"),
                            rs.getString("reason"),
                            rs.getString("request_id"),
                            rs.getTimestamp("at").toInstant()),
                    edited);
            jdbc.update("UPDATE audit_log SET hash = ? WHERE id = ?", AuditTrail.hash(prev, restored), edited);
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void a_deleted_entry_and_a_cut_tail_are_reported() {
        List<Long> written = appendSome("DELETE", 3, Duration.ofSeconds(1));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        java.util.Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_log WHERE id = ?", written.get(2));
        jdbc.update("DELETE FROM audit_log WHERE id = ?", written.get(2));
        try {
            AuditChainVerifier.Verification cut = verifier.verify();
            assertThat(cut.ok()).isFalse();
            assertThat(cut.reason()).isEqualTo(AuditChainVerifier.HEAD_MISMATCH);
        } finally {
            jdbc.update(
                    "INSERT INTO audit_log (id, shard_key, seq, actor_id, action, target_type, target_id, before_json,"
                            + " after_json, reason, request_id, at, prev_hash, hash)"
                            + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("id"),
                    row.get("seq"),
                    row.get("actor_id"),
                    row.get("action"),
                    row.get("target_type"),
                    row.get("target_id"),
                    row.get("before_json"),
                    row.get("after_json"),
                    row.get("reason"),
                    row.get("request_id"),
                    row.get("at"),
                    row.get("prev_hash"),
                    row.get("hash"));
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void auditors_query_by_target_actor_action_and_time_page_by_cursor_and_export_csv() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        List<Long> written = appendSome("QUERY", 5, Duration.ofMinutes(1));
        String auditor = auditor();

        JsonNode first = get(http, "/admin/v1/audit?action=QUERY_ACTION&size=2", auditor);
        assertThat(first.path("items").findValuesAsText("id"))
                .containsExactly(Long.toString(written.get(4)), Long.toString(written.get(3)));
        String cursor = first.path("nextCursor").asText();
        JsonNode second = get(http, "/admin/v1/audit?action=QUERY_ACTION&size=2&cursor=" + cursor, auditor);
        assertThat(second.path("items").findValuesAsText("id"))
                .containsExactly(Long.toString(written.get(2)), Long.toString(written.get(1)));

        JsonNode byTarget = get(http, "/admin/v1/audit?targetType=THING&targetId=QUERY-3", auditor);
        assertThat(byTarget.path("items").findValuesAsText("id")).containsExactly(Long.toString(written.get(3)));
        assertThat(byTarget.path("items").get(0).path("hash").asText()).hasSize(64);

        JsonNode byActor = get(http, "/admin/v1/audit?actorId=4242&action=QUERY_ACTION", auditor);
        assertThat(byActor.path("items")).hasSize(5);

        JsonNode byTime = get(
                http, "/admin/v1/audit?action=QUERY_ACTION&from=2026-12-01T02:01:00Z&to=2026-12-01T02:03:00Z", auditor);
        assertThat(byTime.path("items").findValuesAsText("id"))
                .containsExactly(Long.toString(written.get(2)), Long.toString(written.get(1)));

        assertProblem(call(http, HttpMethod.GET, "/admin/v1/audit?size=500", auditor, null), 400, "INVALID_PARAMETER");

        ResponseEntity<byte[]> export = http.exchange(
                "/admin/v1/exports/audit?from=2026-12-01&to=2026-12-01&format=csv",
                HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(bearer(auditor)),
                byte[].class);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentType().toString()).startsWith("text/csv");
        String csv = new String(export.getBody(), StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).filter(l -> l.contains("QUERY_ACTION")).count())
                .isEqualTo(5);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("id,seq,at,actorId,action");

        // only auditors and admins read the log; members and other staff are refused, strangers asked to log in
        String ops = RelationTestSupport.staffToken(issuer, 904, StaffRole.OPS);
        assertProblem(call(http, HttpMethod.GET, "/admin/v1/audit", ops, null), 403, "FORBIDDEN");
        assertProblem(call(http, HttpMethod.GET, "/admin/v1/audit/verify", ops, null), 403, "FORBIDDEN");
        assertProblem(call(http, HttpMethod.GET, "/admin/v1/audit", memberToken(5), null), 403, "FORBIDDEN");
        assertThat(http.getForEntity("/admin/v1/audit", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(get(http, "/admin/v1/audit?size=1", RelationTestSupport.staffToken(issuer, 905, StaffRole.ADMIN))
                        .path("items"))
                .hasSize(1);
    }

    private String memberToken(long userId) {
        return issuer.issue(com.fenxiao.common.security.CallerIdentity.member(userId, null), Duration.ofHours(1))
                .token();
    }

    private List<Long> appendSome(String tag, int count, Duration step) {
        List<Long> written = new ArrayList<>();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < count; i++) {
            int n = i;
            tx.executeWithoutResult(s -> {
                long id = ids.nextId();
                trail.append(new AuditRecord(
                        id,
                        4242,
                        tag + "_ACTION",
                        "THING",
                        tag + "-" + n,
                        "{\"n\":" + n + "}",
                        "{\"n\":" + (n + 1) + "}",
                        "原因 " + n + ", with a comma and \"quotes\"",
                        "req-" + tag + "-" + n,
                        clock.instant()));
                written.add(id);
            });
            clock.advance(step);
        }
        return written;
    }

    private static org.springframework.http.HttpHeaders bearer(String token) {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setBearerAuth(token);
        return h;
    }
}
