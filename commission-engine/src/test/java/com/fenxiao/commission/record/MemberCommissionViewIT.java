package com.fenxiao.commission.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.testing.PlatformTestProperties;
import com.fenxiao.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
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
 * Issue 15 on the real stack (RocketMQ, MariaDB behind ShardingSphere): what a promoter's commission list
 * shows. The after-sales window is configured as settlement-service is (10 s under
 * {@code platform.settlement.window}); settlement's side of the same date is in settlement-service's
 * {@code ReleaseAtExpectedDateIT}. The buyer's nickname comes masked from relation-service's binding.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberCommissionViewIT {

    private static final long BASE = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1000;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, MemberCommissionViewIT.class);
        registry.add("platform.settlement.window", () -> "PT10S");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    MessagePublisher publisher;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventCodec codec;

    @Test
    void the_expected_release_date_is_completion_plus_the_settlement_window_in_force() throws Exception {
        long buyer = BASE + 1, promoter = BASE + 2;
        bindAndWait(buyer, promoter);
        String order = "ERD" + BASE;
        Instant completedAt = Instant.parse("2026-11-28T02:00:00Z");

        publishOrder(order, "PAID", paidJson(order, buyer, "2026-11-27T02:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).until(() -> recordCount(order) == 1);
        JsonNode beforeCompletion = mineFor(promoter, order);
        assertThat(beforeCompletion.get("expectedReleaseAt").isNull()).isTrue();

        publishOrder(
                order,
                "COMPLETED",
                "{\"eventId\":\"c-%s\",\"type\":\"COMPLETED\",\"orderId\":\"%s\",\"occurredAt\":\"%s\"}"
                        .formatted(order, order, completedAt));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !mineFor(promoter, order).get("expectedReleaseAt").isNull());

        JsonNode line = mineFor(promoter, order);
        assertThat(line.get("status").asText()).isEqualTo("PENDING");
        // settlement releases at completion + its window (10 s here), not the engine's former fixed 7 days
        assertThat(Instant.parse(line.get("expectedReleaseAt").asText())).isEqualTo(completedAt.plusSeconds(10));
    }

    @Test
    void the_buyer_is_shown_by_the_nickname_relation_service_announced_masked_with_the_binding() throws Exception {
        long buyer = BASE + 11, promoter = BASE + 12, anonymous = BASE + 13;
        Instant at = Instant.parse("2026-11-20T00:00:00Z");
        // relation-service masks the nickname before it leaves (王小明 -> 王**明); the shop's order event has none
        publishRelation(new RelationBound(buyer, promoter, null, "LINK", at, "王**明"));
        publishRelation(new RelationBound(anonymous, promoter, null, "LINK", at));
        awaitChain(buyer);
        awaitChain(anonymous);
        // an upline change re-announces the binding without a nickname: the known one stays
        publishRelation(new RelationBound(buyer, promoter, null, "LINK", at.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc().queryForObject(
                                        "SELECT COUNT(*) FROM buyer_chain WHERE user_id = ? AND as_of > ?",
                                        Long.class,
                                        buyer,
                                        java.sql.Timestamp.from(at))
                        == 1);
        String named = "NN" + BASE, unnamed = "NA" + BASE;

        publishOrder(named, "PAID", paidJson(named, buyer, "2026-11-27T02:00:00Z"));
        publishOrder(unnamed, "PAID", paidJson(unnamed, anonymous, "2026-11-27T02:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).until(() -> recordCount(named) == 1 && recordCount(unnamed) == 1);

        assertThat(jdbc().queryForObject(
                                "SELECT buyer_nickname FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                                String.class,
                                promoter,
                                named))
                .isEqualTo("王**明");
        assertThat(mineFor(promoter, named).get("buyerNickname").asText()).isEqualTo("王**明");
        String last4 =
                Long.toString(anonymous).substring(Long.toString(anonymous).length() - 4);
        assertThat(mineFor(promoter, unnamed).get("buyerNickname").asText()).isEqualTo("用户***" + last4);
    }

    // --- helpers ---

    static String paidJson(String order, long buyer, String at) {
        return """
                {"eventId":"p-%s","type":"PAID","orderId":"%s","orderNo":"SO%s","buyerId":%d,"occurredAt":"%s",
                 "items":[{"itemId":"1","productId":"P1","quantity":1,"paidFen":10000,"costFen":5000}]}
                """
                .formatted(order, order, order, buyer, at);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    private long recordCount(String order) {
        Long n = jdbc().queryForObject("SELECT COUNT(*) FROM commission_record WHERE order_id = ?", Long.class, order);
        return n == null ? 0 : n;
    }

    private JsonNode mineFor(long promoter, String order) throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(TestKeys.memberToken(promoter));
        ResponseEntity<String> answer =
                http.exchange("/api/v1/me/commissions", HttpMethod.GET, new HttpEntity<>(h), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        for (JsonNode item : codec.mapper().readTree(answer.getBody()).get("items")) {
            if (item.get("orderNo").asText().equals("SO" + order)) {
                return item;
            }
        }
        throw new AssertionError("no commission of order " + order + " in " + answer.getBody());
    }

    private void publishOrder(String order, String tag, String json) throws Exception {
        publisher.send(new Outgoing(Topics.ORDER_EVENTS, tag, order, json));
    }

    private void publishRelation(PlatformEvent event) throws Exception {
        EventEnvelope envelope = codec.wrap(
                "rel-" + event.key() + "-" + System.nanoTime(), Instant.parse("2026-11-20T00:00:00Z"), event);
        publisher.send(new Outgoing(Topics.RELATION_EVENTS, envelope.type(), envelope.key(), codec.write(envelope)));
    }

    private void bindAndWait(long user, long inviter) throws Exception {
        publishRelation(new RelationBound(user, inviter, null, "LINK", Instant.parse("2026-11-20T00:00:00Z")));
        awaitChain(user);
    }

    private void awaitChain(long user) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc().queryForList("SELECT user_id FROM buyer_chain WHERE user_id = ?", Long.class, user)
                                .size()
                        == 1);
    }
}
