package com.fenxiao.relation;

import static com.fenxiao.relation.RelationTestSupport.assertCacheAgreesWithDatabase;
import static com.fenxiao.relation.RelationTestSupport.assertProblem;
import static com.fenxiao.relation.RelationTestSupport.call;
import static com.fenxiao.relation.RelationTestSupport.events;
import static com.fenxiao.relation.RelationTestSupport.get;
import static com.fenxiao.relation.RelationTestSupport.inviteCodeOf;
import static com.fenxiao.relation.RelationTestSupport.login;
import static com.fenxiao.relation.RelationTestSupport.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.audit.AuditChainVerifier;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.relation.v1.MemberDisabled;
import com.fenxiao.common.event.relation.v1.MemberEnabled;
import com.fenxiao.common.event.relation.v1.RelationUnbound;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.relation.RelationTestSupport.Login;
import com.fenxiao.relation.chain.domain.ChainCache;
import com.fenxiao.relation.chain.domain.ChainNodes;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.testing.TopicWatcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Staff look-ups, and the admin unbind that only a second staff member can approve. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffRelationsIT {

    private static TopicWatcher relationEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, StaffRelationsIT.class);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    DataSource dataSource;

    @Autowired
    ChainCache cache;

    @Autowired
    ChainNodes nodes;

    @Autowired
    EventCodec codec;

    @Autowired
    AuditChainVerifier auditChain;

    private final String maker = TestKeys.staffToken(701, StaffRole.OPS);
    private final String checker = TestKeys.staffToken(702, StaffRole.ADMIN);
    private final String auditor = TestKeys.staffToken(703, StaffRole.AUDITOR);

    @BeforeAll
    static void watch() {
        relationEvents = TopicWatcher.watch(Topics.RELATION_EVENTS);
    }

    @AfterAll
    static void stopWatching() {
        relationEvents.close();
    }

    @Test
    void staff_look_up_a_member_with_inviter_level_two_upline_and_both_counts() {
        Login a = login(http, uniqueCode(), null);
        Login b = login(http, uniqueCode(), inviteCodeOf(http, a));
        Login c = login(http, uniqueCode(), inviteCodeOf(http, b));
        login(http, uniqueCode(), inviteCodeOf(http, c));

        JsonNode member = get(http, "/admin/v1/members/" + c.userId(), auditor);
        assertThat(member.path("inviter").path("userId").asText()).isEqualTo(Long.toString(b.userId()));
        assertThat(member.path("inviterL2").path("userId").asText()).isEqualTo(Long.toString(a.userId()));
        assertThat(member.path("level1Count").asLong()).isEqualTo(1);
        assertThat(member.path("level2Count").asLong()).isZero();
        assertThat(get(http, "/admin/v1/members/" + a.userId(), auditor)
                        .path("level2Count")
                        .asLong())
                .isEqualTo(1);

        JsonNode byCode = get(
                http, "/admin/v1/members?inviteCode=" + inviteCodeOf(http, b).toLowerCase(), auditor);
        assertThat(byCode.path("userId").asText()).isEqualTo(Long.toString(b.userId()));

        JsonNode invitees = get(http, "/admin/v1/relations/" + a.userId() + "/invitees?level=2", auditor);
        assertThat(invitees.path("items")).hasSize(1);
        assertThat(invitees.path("items").get(0).path("userId").asText()).isEqualTo(Long.toString(c.userId()));
        assertProblem(
                call(http, HttpMethod.GET, "/admin/v1/relations/" + a.userId() + "/invitees?level=3", auditor, null),
                400,
                "INVALID_PARAMETER");

        JsonNode history = get(http, "/admin/v1/members/" + c.userId() + "/history", auditor);
        assertThat(history.path("items").get(0).path("action").asText()).isEqualTo("BOUND");
        assertThat(history.path("items").get(0).path("ip").asText()).isNotBlank();
        assertProblem(call(http, HttpMethod.GET, "/admin/v1/members/1", auditor, null), 404, "NOT_FOUND");
    }

    @Test
    void an_admin_unbind_happens_only_when_a_second_staff_member_approves() {
        Login a = login(http, uniqueCode(), null);
        Login b = login(http, uniqueCode(), inviteCodeOf(http, a));
        Login c = login(http, uniqueCode(), inviteCodeOf(http, b));
        assertCacheAgreesWithDatabase(http, cache, nodes, a.userId(), b.userId(), c.userId());

        // an auditor reads only
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/relations/" + b.userId() + "/unbind-requests",
                        auditor,
                        Map.of("reason", "x")),
                403,
                "FORBIDDEN");

        HttpHeaders withRequestId = new HttpHeaders();
        withRequestId.setBearerAuth(maker);
        withRequestId.add("X-Request-Id", "req-unbind-" + b.userId());
        ResponseEntity<String> requested = http.exchange(
                "/admin/v1/relations/" + b.userId() + "/unbind-requests",
                HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("reason", "用户投诉绑定有误"), withRequestId),
                String.class);
        assertThat(requested.getStatusCode().value()).as(requested.getBody()).isEqualTo(201);
        JsonNode request = RelationTestSupport.json(requested.getBody());
        assertThat(request.path("status").asText()).isEqualTo("PENDING");
        String approvalId = request.path("id").asText();
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/relations/" + b.userId() + "/unbind-requests",
                        maker,
                        Map.of("reason", "again")),
                409,
                "UNBIND_ALREADY_REQUESTED");

        // nothing has changed yet
        assertThat(inviterOf(b.userId())).isEqualTo(a.userId());

        // the maker cannot approve their own request
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/relations/unbind-requests/" + approvalId + "/approve",
                        maker,
                        null),
                403,
                "SELF_APPROVAL");
        assertThat(inviterOf(b.userId())).isEqualTo(a.userId());

        ResponseEntity<String> approved = call(
                http,
                HttpMethod.POST,
                "/admin/v1/relations/unbind-requests/" + approvalId + "/approve",
                checker,
                Map.of("note", "核实无误"));
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        assertThat(inviterOf(b.userId())).isNull();
        assertThat(new JdbcTemplate(dataSource)
                        .queryForList("SELECT inviter_l2_id FROM member WHERE id = ?", Long.class, c.userId()))
                .containsOnlyNulls();
        assertCacheAgreesWithDatabase(http, cache, nodes, a.userId(), b.userId(), c.userId());

        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/relations/unbind-requests/" + approvalId + "/approve",
                        checker,
                        null),
                409,
                "APPROVAL_ALREADY_DECIDED");
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/relations/" + b.userId() + "/unbind-requests",
                        maker,
                        Map.of("reason", "x")),
                409,
                "NOT_BOUND");

        Map<String, Object> row = new JdbcTemplate(dataSource)
                .queryForMap("SELECT requested_by, decided_by, status FROM approval_request WHERE id = ?", approvalId);
        assertThat(((Number) row.get("requested_by")).longValue()).isEqualTo(701);
        assertThat(((Number) row.get("decided_by")).longValue()).isEqualTo(702);
        assertThat(row.get("status")).isEqualTo("APPROVED");

        Map<String, Object> unboundHistory = new JdbcTemplate(dataSource)
                .queryForMap(
                        "SELECT operator_id, approval_id, inviter_id FROM bind_history WHERE user_id = ? AND action = 'UNBOUND'",
                        b.userId());
        assertThat(((Number) unboundHistory.get("operator_id")).longValue()).isEqualTo(702);
        assertThat(unboundHistory.get("approval_id").toString()).isEqualTo(approvalId);
        assertThat(((Number) unboundHistory.get("inviter_id")).longValue()).isEqualTo(a.userId());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events(relationEvents, codec, RelationUnbound.class, e -> e.userId() == b.userId())
                        .isEmpty());
        RelationUnbound event = events(relationEvents, codec, RelationUnbound.class, e -> e.userId() == b.userId())
                .get(0);
        assertThat(event.operatorId()).isEqualTo(702L);
        assertThat(event.approvalId()).isEqualTo(Long.parseLong(approvalId));
        assertThat(event.formerInviterId()).isEqualTo(a.userId());

        // both steps are in the audit log, with actor, target, before/after and the request id; the chain holds
        List<Map<String, Object>> audit = new JdbcTemplate(dataSource)
                .queryForList(
                        "SELECT actor_id, action, target_type, target_id, before_json, after_json, request_id"
                                + " FROM audit_log WHERE (target_type = 'MEMBER' AND target_id = ?)"
                                + " OR (target_type = 'APPROVAL_REQUEST' AND target_id = ?) ORDER BY at, action DESC",
                        Long.toString(b.userId()),
                        approvalId);
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("UNBIND_REQUESTED", "UNBIND_APPROVED");
        assertThat(audit.get(0).get("request_id")).isEqualTo("req-unbind-" + b.userId());
        assertThat(((Number) audit.get(1).get("actor_id")).longValue()).isEqualTo(702);
        assertThat(audit.get(1).get("before_json").toString()).contains(Long.toString(a.userId()));
        assertThat(audit.get(1).get("after_json").toString()).contains("\"inviterId\":null");
        assertThat(auditChain.verify().ok()).isTrue();
        assertThat(get(http, "/admin/v1/members/" + b.userId() + "/audit", auditor)
                        .path("items"))
                .hasSize(1);
    }

    @Test
    void a_rejected_unbind_changes_nothing_and_the_requester_cannot_decide_it() {
        Login a = login(http, uniqueCode(), null);
        Login b = login(http, uniqueCode(), inviteCodeOf(http, a));
        String approvalId = RelationTestSupport.json(call(
                                http,
                                HttpMethod.POST,
                                "/admin/v1/relations/" + b.userId() + "/unbind-requests",
                                maker,
                                Map.of("reason", "误操作"))
                        .getBody())
                .path("id")
                .asText();
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/relations/unbind-requests/" + approvalId + "/reject",
                        maker,
                        null),
                403,
                "SELF_APPROVAL");
        ResponseEntity<String> rejected = call(
                http, HttpMethod.POST, "/admin/v1/relations/unbind-requests/" + approvalId + "/reject", checker, null);
        assertThat(rejected.getStatusCode().value()).isEqualTo(200);
        assertThat(inviterOf(b.userId())).isEqualTo(a.userId());
        JsonNode listed = get(http, "/admin/v1/relations/unbind-requests?status=REJECTED", auditor);
        assertThat(listed.path("items").findValuesAsText("id")).contains(approvalId);
    }

    @Test
    void a_disabled_members_code_binds_nobody_and_the_chain_says_disabled() {
        String aLogin = uniqueCode();
        Login a = login(http, aLogin, null);
        Login b = login(http, uniqueCode(), inviteCodeOf(http, a));
        String code = inviteCodeOf(http, a);
        ResponseEntity<String> disabled = call(
                http, HttpMethod.POST, "/admin/v1/members/" + a.userId() + "/disable", maker, Map.of("reason", "刷单"));
        assertThat(disabled.getStatusCode().value()).as(disabled.getBody()).isEqualTo(200);
        assertThat(RelationTestSupport.json(disabled.getBody()).path("status").asText())
                .isEqualTo("DISABLED");
        assertCacheAgreesWithDatabase(http, cache, nodes, a.userId(), b.userId());
        JsonNode chain = RelationTestSupport.json(
                        http.getForObject("/internal/v1/chains?userIds=" + b.userId(), String.class))
                .path("items")
                .get(0);
        assertThat(chain.path("level1").path("status").asText()).isEqualTo("DISABLED");
        assertThat(login(http, uniqueCode(), code).refusedReason()).isEqualTo("INVALID_INVITE_CODE");
        assertProblem(
                RelationTestSupport.loginRaw(http, aLogin, null, "d", RelationTestSupport.randomIp(), "n"),
                403,
                "MEMBER_DISABLED");

        assertThat(call(
                                http,
                                HttpMethod.POST,
                                "/admin/v1/members/" + a.userId() + "/enable",
                                maker,
                                Map.of("reason", "申诉通过"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertCacheAgreesWithDatabase(http, cache, nodes, a.userId(), b.userId());
        assertThat(login(http, uniqueCode(), code).bound()).isTrue();
        assertThat(auditChain.verify().ok()).isTrue();
    }

    @Test
    void disabling_and_enabling_a_member_are_announced_once_each_through_the_outbox() {
        Login a = login(http, uniqueCode(), null);
        assertThat(call(
                                http,
                                HttpMethod.POST,
                                "/admin/v1/members/" + a.userId() + "/disable",
                                maker,
                                Map.of("reason", "刷单"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events(relationEvents, codec, MemberDisabled.class, e -> e.userId() == a.userId())
                        .isEmpty());
        MemberDisabled disabled = events(relationEvents, codec, MemberDisabled.class, e -> e.userId() == a.userId())
                .get(0);
        assertThat(disabled.disabledBy()).isEqualTo(701L);
        assertThat(disabled.reason()).isEqualTo("刷单");
        // disabling again is refused and announces nothing
        assertProblem(
                call(
                        http,
                        HttpMethod.POST,
                        "/admin/v1/members/" + a.userId() + "/disable",
                        maker,
                        Map.of("reason", "再次停用")),
                409,
                "MEMBER_STATUS_UNCHANGED");

        assertThat(call(
                                http,
                                HttpMethod.POST,
                                "/admin/v1/members/" + a.userId() + "/enable",
                                checker,
                                Map.of("reason", "申诉通过"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events(relationEvents, codec, MemberEnabled.class, e -> e.userId() == a.userId())
                        .isEmpty());
        MemberEnabled enabled = events(relationEvents, codec, MemberEnabled.class, e -> e.userId() == a.userId())
                .get(0);
        assertThat(enabled.enabledBy()).isEqualTo(702L);
        assertThat(enabled.enabledAt()).isAfterOrEqualTo(disabled.disabledAt());
        assertThat(events(relationEvents, codec, MemberDisabled.class, e -> e.userId() == a.userId()))
                .hasSize(1);
        assertThat(new JdbcTemplate(dataSource)
                        .queryForObject(
                                "SELECT COUNT(*) FROM outbox_event WHERE msg_key = ? AND tag IN ('MEMBER_DISABLED', 'MEMBER_ENABLED')",
                                Long.class,
                                Long.toString(a.userId())))
                .isEqualTo(2);
    }

    private Long inviterOf(long userId) {
        return new JdbcTemplate(dataSource)
                .queryForList("SELECT inviter_id FROM member WHERE id = ?", Long.class, userId)
                .get(0);
    }
}
