package com.fenxiao.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.relation.v1.MemberDisabled;
import com.fenxiao.common.event.relation.v1.MemberEnabled;
import com.fenxiao.common.event.relation.v1.MemberFlagCleared;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.testing.PlatformTestProperties;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.testing.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15 on the real stack (RocketMQ, MariaDB behind ShardingSphere): relation-service's clear of a risk
 * flag and its disabling / enabling of a member reach the engine through RELATION_EVENTS and change how
 * orders paid afterwards are treated; commissions already held stay held for staff to decide.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberStandingEventsIT {

    private static final long BASE = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1000;
    private static final Instant BOUND_AT = Instant.parse("2026-11-20T00:00:00Z");
    private static TopicWatcher commissionEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, MemberStandingEventsIT.class);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    MessagePublisher publisher;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventCodec codec;

    @BeforeAll
    static void watch() {
        commissionEvents = TopicWatcher.watch(Topics.COMMISSION_EVENTS);
    }

    @AfterAll
    static void stopWatching() {
        commissionEvents.close();
    }

    @Test
    void orders_paid_after_a_flag_is_cleared_are_not_held_while_commissions_held_before_stay_held() throws Exception {
        long buyer = BASE + 1, l1 = BASE + 2;
        bindAndWait(buyer, l1);
        String flaggedId =
                publishRelation(new MemberFlagged(buyer, "DEVICE_FLOOD", Instant.parse("2026-11-21T00:00:00Z")));
        awaitProcessed(flaggedId);

        String before = "CLR-A" + BASE;
        publishPaid(before, buyer, 10_000, Instant.parse("2026-11-22T01:00:00Z"));
        awaitRecord(before, l1);
        assertThat(holdOf(before, l1)).isEqualTo("BUYER_FLAGGED");

        // staff clear the flag in relation-service's console: MEMBER_FLAG_CLEARED
        String clearedId = publishRelation(
                new MemberFlagCleared(buyer, BASE + 99, "DEVICE_FLOOD", 501L, Instant.parse("2026-11-23T00:00:00Z")));
        awaitProcessed(clearedId);
        assertThat(jdbc().queryForObject("SELECT flagged FROM member_state WHERE user_id = ?", Boolean.class, buyer))
                .isFalse();
        assertThat(jdbc().queryForObject(
                                "SELECT flag_reasons FROM member_state WHERE user_id = ?", String.class, buyer))
                .isNull();

        String after = "CLR-B" + BASE;
        publishPaid(after, buyer, 10_000, Instant.parse("2026-11-24T01:00:00Z"));
        awaitRecord(after, l1);
        assertThat(holdOf(after, l1)).isNull();
        assertThat(jdbc().queryForObject(
                                "SELECT held FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                                Boolean.class,
                                l1,
                                after))
                .isFalse();
        // the commission held before the clear is not released by it: only staff do that (settlement-service)
        assertThat(holdOf(before, l1)).isEqualTo("BUYER_FLAGGED");

        // the member is flagged again for the same reason; a late redelivery of the old clear changes nothing
        String again = publishRelation(new MemberFlagged(buyer, "DEVICE_FLOOD", Instant.parse("2026-11-25T00:00:00Z")));
        awaitProcessed(again);
        redeliver(
                clearedId,
                new MemberFlagCleared(buyer, BASE + 99, "DEVICE_FLOOD", 501L, Instant.parse("2026-11-23T00:00:00Z")));
        awaitBrokerRoundTrip(BASE + 50);
        assertThat(jdbc().queryForObject("SELECT flagged FROM member_state WHERE user_id = ?", Boolean.class, buyer))
                .isTrue();
        assertThat(jdbc().queryForObject(
                                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Long.class, clearedId))
                .isEqualTo(1);
    }

    @Test
    void a_disabled_earners_new_commissions_are_held_with_the_reason_and_enabling_restores_earning() throws Exception {
        long buyer = BASE + 11, l1 = BASE + 12, l2 = BASE + 13;
        bindAndWait(buyer, l1, l2);
        Instant disabledAt = Instant.parse("2026-11-21T00:00:00Z");
        String disabledId = publishRelation(new MemberDisabled(l1, "刷单", 701L, disabledAt));
        awaitProcessed(disabledId);

        String whileDisabled = "DIS-A" + BASE;
        publishPaid(whileDisabled, buyer, 10_000, Instant.parse("2026-11-22T01:00:00Z"));
        awaitRecord(whileDisabled, l1);
        awaitRecord(whileDisabled, l2);
        // the amounts are computed as usual (800 bp, 300 bp); only the disabled earner's level is held
        assertThat(amountOf(whileDisabled, l1)).isEqualTo(800);
        assertThat(amountOf(whileDisabled, l2)).isEqualTo(300);
        assertThat(holdOf(whileDisabled, l1)).isEqualTo("EARNER_DISABLED");
        assertThat(holdOf(whileDisabled, l2)).isNull();

        // the member sees the hold and why; the created event (what settlement-service's exports read) says so
        JsonNode mine = memberCommissions(l1);
        JsonNode line = mine.get("items").get(0);
        assertThat(line.get("orderNo").asText()).isEqualTo("SO" + whileDisabled);
        assertThat(line.get("held").asBoolean()).isTrue();
        assertThat(line.get("holdReason").asText()).isEqualTo("EARNER_DISABLED");
        assertThat(line.get("holdNote").asText()).isEqualTo("账号已停用,该笔佣金暂缓发放,待人工审核");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> createdEvents(whileDisabled).size() == 2);
        assertThat(createdEvents(whileDisabled).stream()
                        .filter(e -> e.get("promoterId").asText().equals(Long.toString(l1)))
                        .map(e -> e.get("holdReason").asText()))
                .containsExactly("EARNER_DISABLED");

        // enabled again; then the old disabling arrives once more (redelivered) and late under a new id
        String enabledId = publishRelation(new MemberEnabled(l1, "申诉通过", 702L, Instant.parse("2026-11-23T00:00:00Z")));
        awaitProcessed(enabledId);
        redeliver(disabledId, new MemberDisabled(l1, "刷单", 701L, disabledAt));
        String late = publishRelation(new MemberDisabled(l1, "刷单", 701L, disabledAt));
        awaitProcessed(late);
        assertThat(jdbc().queryForObject(
                                "SELECT account_disabled FROM member_state WHERE user_id = ?", Boolean.class, l1))
                .isFalse();

        String afterEnabled = "DIS-B" + BASE;
        publishPaid(afterEnabled, buyer, 10_000, Instant.parse("2026-11-24T01:00:00Z"));
        awaitRecord(afterEnabled, l1);
        assertThat(holdOf(afterEnabled, l1)).isNull();
        assertThat(amountOf(afterEnabled, l1)).isEqualTo(800);
        // what was held while disabled stays held until staff decide it
        assertThat(holdOf(whileDisabled, l1)).isEqualTo("EARNER_DISABLED");
        assertThat(memberCommissions(l1).get("items").get(0).get("held").asBoolean())
                .isFalse();
    }

    // --- helpers ---

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    private String publishRelation(PlatformEvent event) throws Exception {
        String eventId = "std-" + event.key() + "-" + System.nanoTime();
        redeliver(eventId, event);
        return eventId;
    }

    private void redeliver(String eventId, PlatformEvent event) throws Exception {
        EventEnvelope envelope = codec.wrap(eventId, BOUND_AT, event);
        publisher.send(new Outgoing(Topics.RELATION_EVENTS, envelope.type(), envelope.key(), codec.write(envelope)));
    }

    private void bindAndWait(long buyer, long l1) throws Exception {
        awaitProcessed(publishRelation(new RelationBound(buyer, l1, null, "LINK", BOUND_AT)));
    }

    private void bindAndWait(long buyer, long l1, long l2) throws Exception {
        String first = publishRelation(new RelationBound(buyer, l1, l2, "LINK", BOUND_AT));
        String second = publishRelation(new RelationBound(l1, l2, null, "LINK", BOUND_AT));
        awaitProcessed(first);
        awaitProcessed(second);
    }

    /** A fresh binding round trip, so events sent before it have had their turn with the consumer. */
    private void awaitBrokerRoundTrip(long user) throws Exception {
        bindAndWait(user, user + 1);
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc().queryForObject(
                                        "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Long.class, eventId)
                        == 1);
    }

    private void publishPaid(String order, long buyer, long paidFen, Instant at) throws Exception {
        String json =
                """
                {"eventId":"p-%s","type":"PAID","orderId":"%s","orderNo":"SO%s","buyerId":%d,"occurredAt":"%s",
                 "items":[{"itemId":"1","productId":"P1","quantity":1,"paidFen":%d,"costFen":1}]}
                """
                        .formatted(order, order, order, buyer, at, paidFen);
        publisher.send(new Outgoing(Topics.ORDER_EVENTS, "PAID", order, json));
    }

    private void awaitRecord(String order, long promoter) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc().queryForObject(
                                        "SELECT COUNT(*) FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                                        Long.class,
                                        promoter,
                                        order)
                        == 1);
    }

    private String holdOf(String order, long promoter) {
        boolean held = jdbc().queryForObject(
                        "SELECT held FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                        Boolean.class,
                        promoter,
                        order);
        String reason = jdbc().queryForObject(
                        "SELECT hold_reason FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                        String.class,
                        promoter,
                        order);
        assertThat(held).as("held agrees with its reason").isEqualTo(reason != null);
        return reason;
    }

    private long amountOf(String order, long promoter) {
        return jdbc().queryForObject(
                        "SELECT amount_fen FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                        Long.class,
                        promoter,
                        order);
    }

    private JsonNode memberCommissions(long member) throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(TestKeys.memberToken(member));
        ResponseEntity<String> answer =
                http.exchange("/api/v1/me/commissions", HttpMethod.GET, new HttpEntity<>(h), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return codec.mapper().readTree(answer.getBody());
    }

    private List<JsonNode> createdEvents(String order) {
        return commissionEvents.messages().stream()
                .filter(m -> "COMMISSION_CREATED".equals(m.getTags()))
                .map(m -> {
                    try {
                        return codec.mapper().readTree(new String(m.getBody(), StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(e -> e.get("payload"))
                .filter(p -> p.get("orderId").asText().equals(order))
                .toList();
    }
}
