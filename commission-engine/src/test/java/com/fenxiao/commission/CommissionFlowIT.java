package com.fenxiao.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.commission.ingestion.domain.SignedDelivery;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.testing.PlatformTestProperties;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.testing.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * Issue 4 on the real stack (MariaDB behind ShardingSphere, RocketMQ, Redis): the signed HTTP intake,
 * refunds and reversals announced through the outbox, the member's list, the staff order view, rule
 * changes and manual adjustments through maker-checker, and flagged members' commissions held.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommissionFlowIT {

    static final String CLIENT = "it-order-system";
    static final String SECRET = "it-order-system-secret-0123456789";

    private static final long BASE = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1000;
    private static TopicWatcher commissionEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, CommissionFlowIT.class);
        registry.add("platform.integration.clients." + CLIENT + ".secret", () -> SECRET);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    MessagePublisher publisher;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventCodec codec;

    @Autowired
    Clock clock;

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @BeforeAll
    static void watch() {
        commissionEvents = TopicWatcher.watch(Topics.COMMISSION_EVENTS);
    }

    @AfterAll
    static void stopWatching() {
        commissionEvents.close();
    }

    @Test
    void a_signed_http_order_event_is_queued_with_202_and_becomes_commissions_then_a_refund_adjusts_them()
            throws Exception {
        long buyer = BASE + 1, l1 = BASE + 2, l2 = BASE + 3;
        bindAndWait(buyer, l1, l2);
        String order = "H" + BASE;

        ResponseEntity<String> answer = post(paidJson(order, buyer, "2026-11-25T10:00:00+08:00"));

        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        assertThat(answer.getBody()).contains("\"status\":\"QUEUED\"").contains(order);
        // 19900 × 8% = 1592, 999 × 8% = floor(79.92) = 79 → 1671; 597 + 29 = 626
        awaitAmounts(order, Map.of(1, 1_671L, 2, 626L));

        // a partial refund of one unit of item 1 over HTTP: floor(9950 × 8%) = 796 + 79 = 875; 298 + 29 = 327
        assertThat(post(refundJson(order, "R1", "1", 9_950)).getStatusCode().value())
                .isEqualTo(202);
        awaitAmounts(order, Map.of(1, 875L, 2, 327L));
        // the same refund again (a client retry) changes nothing
        assertThat(post(refundJson(order, "R1", "1", 9_950)).getStatusCode().value())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(order).size() == 4);
        List<JsonNode> events = eventsFor(order);
        assertThat(events.stream().map(e -> e.get("type").asText()))
                .containsExactlyInAnyOrder(
                        "COMMISSION_CREATED", "COMMISSION_CREATED", "COMMISSION_ADJUSTED", "COMMISSION_ADJUSTED");
        assertThat(events.stream()
                        .filter(e -> e.get("type").asText().equals("COMMISSION_ADJUSTED"))
                        .map(e -> e.get("payload").get("deltaFen").asLong()))
                .containsExactlyInAnyOrder(-796L, -299L);

        // the level-1 promoter sees it, newest first, with the buyer masked and the compliance notice
        JsonNode mine = getJson("/api/v1/me/commissions", TestKeys.memberToken(l1));
        JsonNode first = mine.get("items").get(0);
        assertThat(first.get("orderNo").asText()).isEqualTo("SO" + order);
        assertThat(first.get("amountFen").asLong()).isEqualTo(875);
        assertThat(first.get("level").asInt()).isEqualTo(1);
        assertThat(first.get("status").asText()).isEqualTo("PENDING");
        assertThat(first.get("buyerNickname").asText()).startsWith("用户***").doesNotContain(Long.toString(buyer));
        assertThat(first.get("id").isTextual()).isTrue();
        assertThat(mine.get("notice").asText()).isEqualTo("本平台仅支持两级分佣,收益来自真实消费");

        // staff see the order with its items, rates per item and the chain it was paid with
        JsonNode view = getJson("/admin/v1/commissions/orders/" + order, TestKeys.staffToken(900, StaffRole.AUDITOR));
        assertThat(view.get("state").asText()).isEqualTo("PAID");
        assertThat(view.get("paidFen").asLong()).isEqualTo(20_899);
        assertThat(view.get("costFen").asLong()).isEqualTo(12_500);
        assertThat(view.get("items").get(0).get("level1Bp").asInt()).isEqualTo(800);
        assertThat(view.get("chain").get("check").asText()).isEqualTo("VERIFIED");
        assertThat(view.get("chain").get("level2Id").asText()).isEqualTo(Long.toString(l2));
        assertThat(view.get("commissions")).hasSize(2);
        assertThat(view.get("commissions")
                        .get(0)
                        .get("breakdown")
                        .get(0)
                        .get("refundedFen")
                        .asLong())
                .isEqualTo(9_950);
        // and the promoter's list
        JsonNode promoter =
                getJson("/admin/v1/commissions/promoters/" + l2, TestKeys.staffToken(900, StaffRole.FINANCE));
        assertThat(promoter.get("items").get(0).get("amountFen").asLong()).isEqualTo(327);
    }

    @Test
    void refuses_unsigned_tampered_expired_and_invalid_deliveries_with_a_code() {
        String body = paidJson("BAD" + BASE, BASE + 5, "2026-11-25T10:00:00+08:00");
        String now = Long.toString(clock.instant().getEpochSecond());

        assertThat(send(body, null, null, null)).contains("\"code\":\"SIGNATURE_MISSING\"");
        assertThat(send(
                        body,
                        CLIENT,
                        now,
                        SignedDelivery.signHex(SECRET, now, (body + " ").getBytes(StandardCharsets.UTF_8))))
                .contains("\"code\":\"SIGNATURE_INVALID\"");
        assertThat(send(body, "nobody", now, SignedDelivery.signHex(SECRET, now, bytes(body))))
                .contains("\"code\":\"UNKNOWN_CLIENT\"");
        String old = Long.toString(clock.instant().minusSeconds(301).getEpochSecond());
        assertThat(send(body, CLIENT, old, SignedDelivery.signHex(SECRET, old, bytes(body))))
                .contains("\"code\":\"SIGNATURE_EXPIRED\"");

        String invalid =
                "{\"eventId\":\"e-x\",\"type\":\"PAID\",\"orderId\":\"X1\",\"occurredAt\":\"2026-11-25T10:00:00Z\"}";
        ResponseEntity<String> answer = post(invalid);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody())
                .contains("\"code\":\"ORDER_EVENT_INVALID\"")
                .contains("buyerId");
        ResponseEntity<String> notJson = post("not json");
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getBody()).contains("\"code\":\"ORDER_EVENT_INVALID\"");
    }

    @Test
    void a_rule_change_needs_a_second_staff_member_and_applies_to_orders_paid_after_its_approval() throws Exception {
        long buyer = BASE + 11, l1 = BASE + 12;
        bindAndWait(buyer, l1, null);
        String product = "RULE-P" + BASE;
        String maker = TestKeys.staffToken(501, StaffRole.OPS);
        String checker = TestKeys.staffToken(502, StaffRole.ADMIN);

        ResponseEntity<String> tooHigh = exchange(
                HttpMethod.POST,
                "/admin/v1/rules/change-requests",
                maker,
                "{\"scope\":\"PRODUCT\",\"scopeId\":\"" + product + "\",\"level1Bp\":6000,\"reason\":\"x\"}");
        assertThat(tooHigh.getStatusCode().value()).isEqualTo(400);
        assertThat(tooHigh.getBody()).contains("RATE_ABOVE_CAP");

        ResponseEntity<String> requested = exchange(
                HttpMethod.POST,
                "/admin/v1/rules/change-requests",
                maker,
                "{\"scope\":\"PRODUCT\",\"scopeId\":\"" + product
                        + "\",\"level1Bp\":1500,\"level2Bp\":600,\"reason\":\"spring campaign\"}");
        assertThat(requested.getStatusCode().value()).isEqualTo(201);
        String id = codec.mapper().readTree(requested.getBody()).get("id").asText();

        ResponseEntity<String> self =
                exchange(HttpMethod.POST, "/admin/v1/rules/change-requests/" + id + "/approve", maker, "{}");
        // one maker-checker for every service: self-approval is a refusal of this caller (403), not a conflict
        assertThat(self.getStatusCode().value()).isEqualTo(403);
        assertThat(self.getBody()).contains("\"code\":\"SELF_APPROVAL\"");

        Instant beforeApproval = clock.instant().minusSeconds(1);
        ResponseEntity<String> approved = exchange(
                HttpMethod.POST, "/admin/v1/rules/change-requests/" + id + "/approve", checker, "{\"note\":\"ok\"}");
        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        assertThat(approved.getBody()).contains("\"status\":\"APPROVED\"");
        assertThat(getJson("/admin/v1/rules", checker).get("inForce").toString())
                .contains(product);

        // paid after the approval: 10000 × 15% = 1500; paid before it (event arriving now): 800
        String after = "RA" + BASE, before = "RB" + BASE;
        publishOrder(
                after,
                oneItemPaid(after, buyer, product, 10_000, clock.instant().plusSeconds(1)));
        publishOrder(before, oneItemPaid(before, buyer, product, 10_000, beforeApproval));
        awaitAmounts(after, Map.of(1, 1_500L));
        awaitAmounts(before, Map.of(1, 800L));

        Long audited = jdbc().queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE shard_key = 0 AND target_id = ?", Long.class, id);
        assertThat(audited).isEqualTo(2L); // requested, approved
        // the shared audit trail of this sharded service verifies end to end, and auditors can read it
        String auditor = TestKeys.staffToken(503, StaffRole.AUDITOR);
        assertThat(getJson("/admin/v1/audit/verify", auditor).get("ok").asBoolean())
                .isTrue();
        assertThat(getJson("/admin/v1/audit?targetType=APPROVAL_REQUEST&targetId=" + id, auditor)
                        .get("items")
                        .findValuesAsText("action"))
                .containsExactly("RULE_CHANGE_APPROVED", "RULE_CHANGE_REQUESTED");
    }

    @Test
    void a_manual_adjustment_is_applied_once_after_another_staff_member_approves_it() throws Exception {
        long buyer = BASE + 21, l1 = BASE + 22;
        bindAndWait(buyer, l1, null);
        String order = "ADJ" + BASE;
        publishOrder(order, oneItemPaid(order, buyer, "P1", 10_000, Instant.parse("2026-11-25T01:00:00Z")));
        awaitAmounts(order, Map.of(1, 800L));
        String commissionId = jdbc().queryForObject(
                        "SELECT id FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                        Long.class,
                        l1,
                        order)
                .toString();
        String maker = TestKeys.staffToken(601, StaffRole.FINANCE); // may make and check, never both on one request
        String checker = TestKeys.staffToken(602, StaffRole.FINANCE);

        ResponseEntity<String> requested = exchange(
                HttpMethod.POST,
                "/admin/v1/commissions/" + commissionId + "/adjustment-requests",
                maker,
                "{\"deltaFen\":120,\"reason\":\"goodwill after a delivery complaint\"}");
        assertThat(requested.getStatusCode().value()).isEqualTo(201);
        String id = codec.mapper().readTree(requested.getBody()).get("id").asText();
        assertThat(exchange(
                                HttpMethod.POST,
                                "/admin/v1/commissions/adjustment-requests/" + id + "/approve",
                                maker,
                                "{}")
                        .getBody())
                .contains("SELF_APPROVAL");
        assertThat(amountOf(l1, order)).isEqualTo(800);

        ResponseEntity<String> approved = exchange(
                HttpMethod.POST, "/admin/v1/commissions/adjustment-requests/" + id + "/approve", checker, "{}");
        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        assertThat(approved.getBody()).contains("\"status\":\"APPROVED\"").contains("appliedAt");
        assertThat(amountOf(l1, order)).isEqualTo(920);
        // approving again is refused and changes nothing
        assertThat(exchange(
                                HttpMethod.POST,
                                "/admin/v1/commissions/adjustment-requests/" + id + "/approve",
                                checker,
                                "{}")
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(amountOf(l1, order)).isEqualTo(920);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(order).stream()
                .anyMatch(e -> e.get("type").asText().equals("COMMISSION_ADJUSTED")
                        && e.get("payload").get("approvalId").asText().equals(id)
                        && e.get("payload").get("deltaFen").asLong() == 120));
    }

    @Test
    void holds_the_commissions_of_a_flagged_buyer_and_reverses_a_settled_commission_on_refund() throws Exception {
        long buyer = BASE + 31, l1 = BASE + 32;
        bindAndWait(buyer, l1, null);
        publishRelation(new MemberFlagged(buyer, "DEVICE_FLOOD", Instant.parse("2026-11-20T00:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().queryForList(
                        "SELECT flagged FROM member_state WHERE user_id = ?", Boolean.class, buyer)
                .equals(List.of(true)));
        String order = "FLG" + BASE;
        publishOrder(order, oneItemPaid(order, buyer, "P1", 10_000, Instant.parse("2026-11-25T01:00:00Z")));
        awaitAmounts(order, Map.of(1, 800L));
        assertThat(jdbc().queryForObject(
                                "SELECT hold_reason FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                                String.class,
                                l1,
                                order))
                .isEqualTo("BUYER_FLAGGED");

        // settlement-service marks it settled; a refund afterwards is a reversal
        jdbc().update(
                        "UPDATE commission_record SET status = 'SETTLED' WHERE promoter_id = ? AND order_id = ?",
                        l1,
                        order);
        publishOrder(
                order,
                """
                {"eventId":"rf-%s","type":"REFUNDED","orderId":"%s","refundId":"RF1","occurredAt":"2026-12-10T00:00:00Z",
                 "items":[{"itemId":"1","refundFen":10000}]}
                """
                        .formatted(order, order),
                "REFUNDED");
        await().atMost(Duration.ofSeconds(60)).until(() -> "REVERSED"
                .equals(jdbc().queryForObject(
                                "SELECT status FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                                String.class,
                                l1,
                                order)));
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(order).stream()
                .anyMatch(e -> e.get("type").asText().equals("COMMISSION_REVERSED")
                        && e.get("payload").get("amountFen").asLong() == 800
                        && e.get("payload").get("refundId").asText().equals("RF1")));
    }

    @Test
    void pages_a_promoters_commissions_newest_first_with_a_cursor() throws Exception {
        long buyer = BASE + 41, l1 = BASE + 42;
        bindAndWait(buyer, l1, null);
        for (int i = 0; i < 3; i++) {
            String order = "PG" + i + "-" + BASE;
            publishOrder(
                    order, oneItemPaid(order, buyer, "P1", 1_000 * (i + 1), Instant.parse("2026-11-25T01:00:00Z")));
            awaitAmounts(order, Map.of(1, 80L * (i + 1)));
        }
        String token = TestKeys.memberToken(l1);
        JsonNode page1 = getJson("/api/v1/me/commissions?size=2", token);
        assertThat(page1.get("items")).hasSize(2);
        assertThat(page1.get("items").get(0).get("amountFen").asLong()).isEqualTo(240);
        JsonNode page2 = getJson(
                "/api/v1/me/commissions?size=2&cursor="
                        + page1.get("nextCursor").asText(),
                token);
        assertThat(page2.get("items")).hasSize(1);
        assertThat(page2.get("items").get(0).get("amountFen").asLong()).isEqualTo(80);
        assertThat(page2.get("nextCursor").isNull()).isTrue();
        ResponseEntity<String> tooBig = exchange(HttpMethod.GET, "/api/v1/me/commissions?size=101", token, null);
        assertThat(tooBig.getStatusCode().value()).isEqualTo(400);
    }

    // --- helpers ---

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String paidJson(String order, long buyer, String at) {
        return """
                {"eventId":"p-%s","type":"PAID","orderId":"%s","orderNo":"SO%s","buyerId":%d,"occurredAt":"%s",
                 "items":[{"itemId":"1","productId":"P1","quantity":2,"paidFen":19900,"costFen":12000},
                          {"itemId":"2","productId":"P2","quantity":1,"paidFen":999,"costFen":500}]}
                """
                .formatted(order, order, order, buyer, at);
    }

    static String refundJson(String order, String refundId, String item, long fen) {
        return """
                {"eventId":"r-%s-%s","type":"REFUNDED","orderId":"%s","refundId":"%s","occurredAt":"2026-11-26T10:00:00+08:00",
                 "items":[{"itemId":"%s","refundFen":%d}]}
                """
                .formatted(order, refundId, order, refundId, item, fen);
    }

    static String oneItemPaid(String order, long buyer, String product, long fen, Instant at) {
        return """
                {"eventId":"p-%s","type":"PAID","orderId":"%s","orderNo":"SO%s","buyerId":%d,"occurredAt":"%s",
                 "items":[{"itemId":"1","productId":"%s","quantity":1,"paidFen":%d,"costFen":1}]}
                """
                .formatted(order, order, order, buyer, at, product, fen);
    }

    private ResponseEntity<String> post(String body) {
        String ts = Long.toString(clock.instant().getEpochSecond());
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.add("X-Client-Id", CLIENT);
        h.add("X-Timestamp", ts);
        h.add("X-Signature", SignedDelivery.signHex(SECRET, ts, bytes(body)));
        return http.exchange(
                "/integration/v1/order-events", HttpMethod.POST, new HttpEntity<>(bytes(body), h), String.class);
    }

    private String send(String body, String client, String ts, String signature) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        if (client != null) {
            h.add("X-Client-Id", client);
            h.add("X-Timestamp", ts);
            h.add("X-Signature", signature);
        }
        ResponseEntity<String> answer = http.exchange(
                "/integration/v1/order-events", HttpMethod.POST, new HttpEntity<>(bytes(body), h), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        return answer.getBody();
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String token, String json) {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(token);
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(json, h), String.class);
    }

    private JsonNode getJson(String path, String token) throws Exception {
        ResponseEntity<String> answer = exchange(HttpMethod.GET, path, token, null);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return codec.mapper().readTree(answer.getBody());
    }

    private void publishOrder(String order, String json) throws Exception {
        publishOrder(order, json, "PAID");
    }

    private void publishOrder(String order, String json, String tag) throws Exception {
        publisher.send(new Outgoing(Topics.ORDER_EVENTS, tag, order, json));
    }

    private void publishRelation(PlatformEvent event) throws Exception {
        EventEnvelope envelope = codec.wrap(
                "rel-" + event.key() + "-" + System.nanoTime(), Instant.parse("2026-11-20T00:00:00Z"), event);
        publisher.send(new Outgoing(Topics.RELATION_EVENTS, envelope.type(), envelope.key(), codec.write(envelope)));
    }

    private void bindAndWait(long user, long inviter, Long inviterL2) throws Exception {
        Instant at = Instant.parse("2026-11-20T00:00:00Z");
        publishRelation(new RelationBound(user, inviter, inviterL2, "LINK", at));
        if (inviterL2 != null) {
            publishRelation(new RelationBound(inviter, inviterL2, null, "LINK", at));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc().queryForList(
                                        "SELECT user_id FROM buyer_chain WHERE user_id IN (?, ?)",
                                        Long.class,
                                        user,
                                        inviter)
                                .size()
                        == (inviterL2 != null ? 2 : 1));
    }

    private long amountOf(long promoter, String order) {
        return jdbc().queryForObject(
                        "SELECT amount_fen FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                        Long.class,
                        promoter,
                        order);
    }

    private void awaitAmounts(String order, Map<Integer, Long> expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> amounts(order).equals(expected));
    }

    private Map<Integer, Long> amounts(String order) {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        jdbc().query(
                        "SELECT level, amount_fen FROM commission_record WHERE order_id = ?",
                        rs -> {
                            out.put(rs.getInt(1), rs.getLong(2));
                        },
                        order);
        return out;
    }

    private List<JsonNode> eventsFor(String order) {
        return commissionEvents.messages().stream()
                .map(m -> {
                    try {
                        return codec.mapper().readTree(new String(m.getBody(), StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(e -> e.get("payload").get("orderId").asText().equals(order))
                .toList();
    }
}
