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
 * {@code ReleaseAtExpectedDateIT}.
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
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc().queryForList("SELECT user_id FROM buyer_chain WHERE user_id = ?", Long.class, user)
                                .size()
                        == 1);
    }
}
