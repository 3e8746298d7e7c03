package com.fenxiao.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fenxiao.commission.ingestion.adapter.mq.OrderEventsListener;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.common.persistence.ShardRouting;
import com.fenxiao.testing.PlatformTestProperties;
import com.fenxiao.testing.TestInfrastructure;
import com.fenxiao.testing.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The plumbing end to end on real MariaDB, Redis and RocketMQ: an order-paid event on ORDER_EVENTS
 * becomes commission rows on the promoters' shards and CommissionCreated events relayed from the
 * outbox to COMMISSION_EVENTS; redelivery changes nothing; a malformed event is dead-lettered with its
 * reason and the consumer keeps going.
 */
// one live context per JVM: consumers of a closed test class stop with it
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalkingSkeletonIT {

    private static TopicWatcher commissionEvents;
    private static TopicWatcher deadLetters;

    // ids no other test run shares
    private static final long BASE = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1000;
    private static final long L2 = BASE + 1;
    private static final long L1 = BASE + 2;
    private static final long BUYER = BASE + 3;
    private static final String ORDER = "SK" + BASE;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, WalkingSkeletonIT.class);
    }

    @Autowired
    MessagePublisher publisher;

    @Autowired
    DataSource dataSource;

    @Autowired
    PhysicalDatabases physical;

    @Autowired
    EventCodec codec;

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void watchTopics() {
        commissionEvents = TopicWatcher.watch(Topics.COMMISSION_EVENTS);
        deadLetters = TopicWatcher.watch(Topics.ORDER_EVENTS_DLQ);
    }

    @AfterAll
    static void stopWatching() {
        commissionEvents.close();
        deadLetters.close();
    }

    @Test
    void an_order_paid_event_becomes_commissions_on_the_promoters_shards_exactly_once() throws Exception {
        bind(BUYER, L1, L2);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                        "SELECT inviter_id FROM buyer_chain WHERE user_id = ?", Long.class, BUYER)
                .equals(List.of(L1)));

        String paid =
                """
                {"eventId":"e-%s","type":"PAID","orderId":"%s","orderNo":"SO%s","buyerId":%d,
                 "occurredAt":"2026-11-25T10:00:00+08:00",
                 "items":[{"itemId":"1","productId":"P1","quantity":2,"paidFen":19900,"costFen":12000},
                          {"itemId":"2","productId":"P2","quantity":1,"paidFen":999,"costFen":500}]}
                """
                        .formatted(ORDER, ORDER, ORDER, BUYER);
        publisher.send(new Outgoing(Topics.ORDER_EVENTS, "PAID", ORDER, paid));

        // level 1: floor(19900×8%) + floor(999×8%) = 1592 + 79; level 2: floor(19900×3%) + floor(999×3%) = 597 + 29
        await().atMost(Duration.ofSeconds(60)).until(() -> amounts(jdbc).size() == 2);
        assertThat(amounts(jdbc))
                .containsExactly(
                        Map.of("promoter_id", L1, "level", 1, "amount_fen", 1671L),
                        Map.of("promoter_id", L2, "level", 2, "amount_fen", 626L));

        // the row sits in the physical table the promoter routes to
        int db = ShardRouting.database(L1, 2, 4);
        int table = ShardRouting.table(L1, 2, 4);
        Long physicalCount = new JdbcTemplate(physical.byName().get("ds_" + db))
                .queryForObject(
                        "SELECT COUNT(*) FROM commission_record_" + table + " WHERE order_id = ?", Long.class, ORDER);
        assertThat(physicalCount).isEqualTo(1L);

        // each creation is announced once on COMMISSION_EVENTS, relayed from the outbox
        await().atMost(Duration.ofSeconds(60)).until(() -> createdFor(ORDER).size() == 2);
        assertThat(createdFor(ORDER)).extracting(CommissionCreated::amountFen).containsExactlyInAnyOrder(1671L, 626L);

        // redelivery of the same event, twice, and a resend of the order under a new event id
        publisher.send(new Outgoing(Topics.ORDER_EVENTS, "PAID", ORDER, paid));
        publisher.send(new Outgoing(Topics.ORDER_EVENTS, "PAID", ORDER, paid));
        publisher.send(new Outgoing(Topics.ORDER_EVENTS, "PAID", ORDER, paid.replace("e-" + ORDER, "e2-" + ORDER)));
        String marker = "M" + BASE;
        bind(BASE + 9, BASE + 8, null);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForList("SELECT inviter_id FROM buyer_chain WHERE user_id = ?", Long.class, BASE + 9)
                                        .size()
                                == 1);
        publisher.send(new Outgoing(
                Topics.ORDER_EVENTS,
                "PAID",
                marker,
                paid.replace(ORDER, marker).replace("\"buyerId\":" + BUYER, "\"buyerId\":" + (BASE + 9))));
        // once the marker order (sent after the duplicates) is in, the duplicates have been consumed
        await().atMost(Duration.ofSeconds(60)).until(() -> createdFor(marker).size() == 1);
        assertThat(amounts(jdbc)).hasSize(2);
        Thread.sleep(1_500); // give a wrongly relayed duplicate time to show up
        assertThat(createdFor(ORDER)).hasSize(2);
        Long outboxRows = jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE shard_key IN (?, ?) AND payload LIKE ?",
                Long.class,
                L1,
                L2,
                "%" + ORDER + "%");
        assertThat(outboxRows).isEqualTo(2L);
    }

    @Test
    void a_malformed_order_event_is_dead_lettered_with_its_reason_and_the_consumer_keeps_going() throws Exception {
        String key = "BAD" + BASE;
        publisher.send(
                new Outgoing(Topics.ORDER_EVENTS, "PAID", key, "{\"type\":\"PAID\",\"orderId\":\"" + key + "\"}"));
        publisher.send(new Outgoing(Topics.ORDER_EVENTS, "PAID", key + "x", "not json at all"));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> deadLetters.messages().stream()
                                .filter(m -> m.getKeys().startsWith(key))
                                .count()
                        == 2);
        MessageExt missingFields = deadLetters.messages().stream()
                .filter(m -> m.getKeys().equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(missingFields.getUserProperty(OrderEventsListener.DLQ_REASON))
                .contains("buyerId");
        MessageExt notJson = deadLetters.messages().stream()
                .filter(m -> m.getKeys().equals(key + "x"))
                .findFirst()
                .orElseThrow();
        assertThat(notJson.getUserProperty(OrderEventsListener.DLQ_REASON)).isNotBlank();
        assertThat(new String(notJson.getBody(), StandardCharsets.UTF_8)).isEqualTo("not json at all");

        // the consumer is still going: a good event after the bad ones is handled
        long buyer = BASE + 20;
        long inviter = BASE + 21;
        bind(buyer, inviter, null);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForList("SELECT inviter_id FROM buyer_chain WHERE user_id = ?", Long.class, buyer)
                                        .size()
                                == 1);
        String order = "OK" + BASE;
        publisher.send(new Outgoing(
                Topics.ORDER_EVENTS,
                "PAID",
                order,
                """
                {"eventId":"e-%s","type":"PAID","orderId":"%s","orderNo":"SO%s","buyerId":%d,
                 "occurredAt":"2026-11-25T10:00:00Z",
                 "items":[{"itemId":"1","productId":"P1","quantity":1,"paidFen":10000,"costFen":1}]}
                """
                        .formatted(order, order, order, buyer)));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                        "SELECT amount_fen FROM commission_record WHERE promoter_id = ? AND order_id = ?",
                        Long.class,
                        inviter,
                        order)
                .equals(List.of(800L)));
    }

    @Test
    void health_reports_database_and_redis_up() {
        String health = http.getForObject("/actuator/health/readiness", String.class);
        assertThat(health).contains("\"status\":\"UP\"");
        String full = http.getForObject("/actuator/health", String.class);
        assertThat(full).contains("UP");
        assertThat(TestInfrastructure.redis().port()).isPositive();
    }

    private void bind(long user, long inviter, Long inviterL2) throws Exception {
        EventEnvelope envelope = codec.wrap(
                "rb-" + user + "-" + System.nanoTime(),
                Instant.parse("2026-11-20T00:00:00Z"),
                new RelationBound(user, inviter, inviterL2, "LINK", Instant.parse("2026-11-20T00:00:00Z")));
        publisher.send(new Outgoing(Topics.RELATION_EVENTS, envelope.type(), envelope.key(), codec.write(envelope)));
    }

    private List<Map<String, Object>> amounts(JdbcTemplate jdbc) {
        return jdbc
                .queryForList(
                        "SELECT promoter_id, level, amount_fen FROM commission_record WHERE order_id = ? ORDER BY level",
                        ORDER)
                .stream()
                .map(r -> Map.<String, Object>of(
                        "promoter_id", ((Number) r.get("promoter_id")).longValue(),
                        "level", ((Number) r.get("level")).intValue(),
                        "amount_fen", ((Number) r.get("amount_fen")).longValue()))
                .toList();
    }

    private List<CommissionCreated> createdFor(String orderId) {
        // the topic also carries other commission events (other test classes share the broker)
        return commissionEvents.messages().stream()
                .filter(m -> "COMMISSION_CREATED".equals(m.getTags()))
                .map(m -> {
                    try {
                        EventEnvelope e = codec.readEnvelope(new String(m.getBody(), StandardCharsets.UTF_8));
                        return codec.payloadOf(e, CommissionCreated.class);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                })
                .filter(c -> c.orderId().equals(orderId))
                .toList();
    }
}
