package com.fenxiao.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.identity.TestIdNumbers;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.withdrawal.wallet.application.PostToWallet;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff steps on withdrawals in the shared audit trail of common-lib: both maker-checker steps of a
 * large withdrawal (through common-lib Approvals, applied once per approval id), a rejection, a bank
 * batch and a mark-paid, read through GET /admin/v1/audit; the chain verifies, and an edited row is
 * reported as the first broken link.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WithdrawalAuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAKER = 31;
    private static final long CHECKER = 32;
    private static final long AUDITOR = 33;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, WithdrawalAuditIT.class);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    PostToWallet post;

    @Autowired
    DataSource dataSource;

    @Test
    void staff_steps_are_in_the_shared_chain_and_the_verifier_finds_an_edited_row() throws Exception {
        // maker-checker of a large withdrawal
        long member = fundedMember(2_000_000);
        String large = json(member(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(1_000_000, "BANK"), "l"))
                .get("id")
                .asText();
        JsonNode first = json(staff(HttpMethod.POST, approve(large), MAKER, "{\"note\":\"资料齐全\"}", StaffRole.FINANCE));
        assertThat(first.get("status").asText()).isEqualTo("AWAITING_SECOND_APPROVAL");
        ResponseEntity<String> selfApprove = staff(HttpMethod.POST, approve(large), MAKER, null, StaffRole.FINANCE);
        assertThat(selfApprove.getStatusCode().value()).isEqualTo(403);
        assertThat(selfApprove.getBody()).contains("\"code\":\"SELF_APPROVAL\"");
        ResponseEntity<String> selfReject =
                staff(HttpMethod.POST, reject(large), MAKER, "{\"reason\":\"自己驳回\"}", StaffRole.FINANCE);
        assertThat(selfReject.getStatusCode().value()).isEqualTo(403);
        assertThat(selfReject.getBody()).contains("\"code\":\"SELF_APPROVAL\"");
        JsonNode second = json(staff(HttpMethod.POST, approve(large), CHECKER, null, StaffRole.ADMIN));
        assertThat(second.get("status").asText()).isEqualTo("APPROVED");
        // a second click of another checker changes nothing
        assertThat(staff(HttpMethod.POST, approve(large), 34, null, StaffRole.FINANCE)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<java.util.Map<String, Object>> approvals = jdbc.queryForList(
                "SELECT id, status, requested_by, decided_by, applied_at FROM approval_request"
                        + " WHERE shard_key = 0 AND kind = 'WITHDRAWAL_APPROVAL' AND target = ?",
                "WITHDRAWAL:" + large);
        assertThat(approvals).hasSize(1);
        assertThat(approvals.get(0).get("status")).isEqualTo("APPROVED");
        assertThat(((Number) approvals.get(0).get("requested_by")).longValue()).isEqualTo(MAKER);
        assertThat(((Number) approvals.get(0).get("decided_by")).longValue()).isEqualTo(CHECKER);
        assertThat(approvals.get(0).get("applied_at")).isNotNull();
        String approvalId = approvals.get(0).get("id").toString();
        // the withdrawal's own history keeps its steps too
        assertThat(jdbc.queryForList(
                        "SELECT action FROM withdrawal_audit WHERE promoter_id = ? AND withdrawal_id = ? ORDER BY id",
                        String.class,
                        member,
                        Long.parseLong(large)))
                .containsExactly("REQUESTED", "FIRST_APPROVAL", "SECOND_APPROVAL");

        // a rejection under review, a bank batch and a mark-paid
        long other = fundedMember(200_000);
        String rejected = json(member(HttpMethod.POST, "/api/v1/me/withdrawals", other, body(100_000, "BANK"), "r"))
                .get("id")
                .asText();
        assertThat(json(staff(HttpMethod.POST, reject(rejected), MAKER, "{\"reason\":\"资料不符\"}", StaffRole.FINANCE))
                        .get("status")
                        .asText())
                .isEqualTo("REJECTED");
        String bank = json(member(HttpMethod.POST, "/api/v1/me/withdrawals", other, body(10_000, "BANK"), "b"))
                .get("id")
                .asText();
        ResponseEntity<String> batch =
                staff(HttpMethod.POST, "/admin/v1/withdrawals/bank-batches", MAKER, null, StaffRole.FINANCE);
        assertThat(batch.getBody()).contains(bank).contains(large);
        assertThat(json(staff(
                                HttpMethod.POST,
                                "/admin/v1/withdrawals/" + bank + "/mark-paid",
                                CHECKER,
                                "{\"bankReference\":\"ICBC-0042\"}",
                                StaffRole.FINANCE))
                        .get("status")
                        .asText())
                .isEqualTo("PAID");

        // auditors read every step in the shared log
        assertThat(actions("targetType=APPROVAL_REQUEST&targetId=" + approvalId))
                .containsExactly("WITHDRAWAL_APPROVAL_APPROVED:" + CHECKER, "WITHDRAWAL_APPROVAL_REQUESTED:" + MAKER);
        assertThat(actions("targetType=WITHDRAWAL&targetId=" + large))
                .containsExactly("WITHDRAWAL_BANK_EXPORTED:" + MAKER, "WITHDRAWAL_APPROVED:" + CHECKER);
        JsonNode approved = audit("targetType=WITHDRAWAL&targetId=" + large + "&action=WITHDRAWAL_APPROVED")
                .get("items")
                .get(0);
        assertThat(approved.get("after").asText()).contains("\"approvalId\":\"" + approvalId + "\"");
        assertThat(approved.get("after").asText()).contains("\"status\":\"APPROVED\"");
        assertThat(approved.get("before").asText()).contains("\"status\":\"AWAITING_SECOND_APPROVAL\"");
        assertThat(actions("targetType=WITHDRAWAL&targetId=" + rejected))
                .containsExactly("WITHDRAWAL_REJECTED:" + MAKER);
        assertThat(actions("targetType=WITHDRAWAL&targetId=" + bank))
                .containsExactly("WITHDRAWAL_MARKED_PAID:" + CHECKER, "WITHDRAWAL_BANK_EXPORTED:" + MAKER);
        assertThat(audit("targetType=WITHDRAWAL&targetId=" + rejected)
                        .get("items")
                        .get(0)
                        .get("reason")
                        .asText())
                .isEqualTo("资料不符");
        // auditors export the log
        ResponseEntity<String> export = staff(
                HttpMethod.GET,
                "/admin/v1/exports/audit?from=2000-01-01&to=2100-01-01",
                AUDITOR,
                null,
                StaffRole.AUDITOR);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getBody()).contains("WITHDRAWAL_APPROVAL_REQUESTED").contains("WITHDRAWAL_MARKED_PAID");

        // the chain holds; an edited row is the first broken link
        JsonNode holds = verify();
        assertThat(holds.get("ok").asBoolean()).isTrue();
        assertThat(holds.get("checked").asLong()).isEqualTo(7);
        String rejectedEntry = audit("targetType=WITHDRAWAL&targetId=" + rejected)
                .get("items")
                .get(0)
                .get("id")
                .asText();
        assertThat(jdbc.update(
                        "UPDATE audit_log SET reason = '资料齐全' WHERE shard_key = 0 AND id = ?",
                        Long.parseLong(rejectedEntry)))
                .isEqualTo(1);
        JsonNode broken = verify();
        assertThat(broken.get("ok").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenId").asText()).isEqualTo(rejectedEntry);
        assertThat(broken.get("reason").asText()).isEqualTo("HASH_MISMATCH");
    }

    // --- helpers

    private JsonNode verify() throws Exception {
        return json(staff(HttpMethod.GET, "/admin/v1/audit/verify", AUDITOR, null, StaffRole.AUDITOR));
    }

    private JsonNode audit(String query) throws Exception {
        ResponseEntity<String> r = staff(HttpMethod.GET, "/admin/v1/audit?" + query, AUDITOR, null, StaffRole.AUDITOR);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return json(r);
    }

    /** Newest first, as "ACTION:actorId". */
    private List<String> actions(String query) throws Exception {
        List<String> out = new ArrayList<>();
        audit(query)
                .get("items")
                .forEach(e -> out.add(
                        e.get("action").asText() + ":" + e.get("actorId").asText()));
        return out;
    }

    private long fundedMember(long availableFen) throws Exception {
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
        ResponseEntity<String> verified = member(
                HttpMethod.PUT,
                "/api/v1/me/identity",
                member,
                "{\"realName\":\"张三\",\"idNumber\":\"" + TestIdNumbers.adult() + "\"}",
                null);
        assertThat(verified.getStatusCode().value()).isEqualTo(200);
        post.post(member, EntryType.COMMISSION_CREATED, "fund-" + member + ":created", availableFen);
        post.post(member, EntryType.COMMISSION_SETTLED, "fund-" + member + ":settled", availableFen);
        return member;
    }

    private static String approve(String id) {
        return "/admin/v1/withdrawals/" + id + "/approve";
    }

    private static String reject(String id) {
        return "/admin/v1/withdrawals/" + id + "/reject";
    }

    private static String body(long amountFen, String channel) {
        return "{\"amountFen\":" + amountFen + ",\"channel\":\"" + channel + "\"}";
    }

    private ResponseEntity<String> member(HttpMethod method, String path, long member, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(member));
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.add("Idempotency-Key", key);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> staff(HttpMethod method, String path, long staffId, String body, StaffRole role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.staffToken(staffId, role));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static JsonNode json(ResponseEntity<String> r) throws Exception {
        return JSON.readTree(r.getBody());
    }
}
