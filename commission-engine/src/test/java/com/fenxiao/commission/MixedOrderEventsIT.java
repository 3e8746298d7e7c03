package com.fenxiao.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.commission.rule.domain.RuleScope;
import com.fenxiao.commission.rule.domain.RuleVersion;
import com.fenxiao.commission.rule.domain.RuleVersions;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.testing.PlatformTestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 10,000 mixed order events (payments, completions, partial and full refunds) over RocketMQ, each
 * delivered twice and all shuffled, so refunds and completions often arrive before their payments and
 * duplicates land in the same and in different batches. The records that come out must equal, to the
 * fen, what this test computes on its own from the events it generated (SPEC §4, written out again
 * below without the engine's classes), and the outbox must announce each record's history exactly once.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest
class MixedOrderEventsIT {

    static final int EVENTS = 10_000;
    static final Instant BOUND = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant PAID = Instant.parse("2026-11-25T02:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, MixedOrderEventsIT.class);
    }

    @Autowired
    MessagePublisher publisher;

    @Autowired
    EventCodec codec;

    @Autowired
    DataSource dataSource;

    @Autowired
    RuleVersions ruleVersions;

    @Autowired
    IdGenerator ids;

    @Autowired
    MeterRegistry meters;

    final Random random = new Random(20261125L);
    final long base = (Math.abs(new Random().nextLong()) % 1_000_000 + 1_000_000) * 1_000_000L;

    /** The test's own model of the rules: rates per product at levels 1 and 2 (bp). */
    record Rates(int l1, int l2) {}

    final Map<String, Rates> productRates = new HashMap<>();
    final Map<String, String> productCategory = new HashMap<>();

    record Item(String itemId, String productId, int quantity, long paidFen) {}

    record Order(String orderId, long buyer, List<Item> items) {}

    record Refund(String orderId, String refundId, Map<String, Long> fen) {}

    record Chain(Long l1, Long l2) {}

    final Map<Long, Chain> chains = new HashMap<>();

    @Test
    void ten_thousand_shuffled_events_delivered_twice_end_as_an_independent_recomputation_says() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        setUpRules();
        List<Long> buyers = setUpChains(jdbc);

        // --- generate orders and their events ---
        List<Order> orders = new ArrayList<>();
        Map<String, List<Refund>> refunds = new HashMap<>();
        Map<String, Boolean> completed = new HashMap<>();
        List<Outgoing> events = new ArrayList<>();
        String[] products = {"MX-P1", "MX-P2", "MX-P3", "MX-P4", "MX-P5"};
        int n = 0;
        while (events.size() < EVENTS) {
            String orderId = "MX" + base + "-" + (n++);
            long buyer = buyers.get(random.nextInt(buyers.size()));
            List<Item> items = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 1; i <= count; i++) {
                items.add(new Item(
                        Integer.toString(i),
                        products[random.nextInt(products.length)],
                        1 + random.nextInt(3),
                        1 + random.nextInt(50_000)));
            }
            Order order = new Order(orderId, buyer, items);
            orders.add(order);
            events.add(paid(order));
            if (events.size() < EVENTS && random.nextBoolean()) {
                completed.put(orderId, true);
                events.add(new Outgoing(
                        Topics.ORDER_EVENTS,
                        "COMPLETED",
                        orderId,
                        "{\"eventId\":\"c-%s\",\"type\":\"COMPLETED\",\"orderId\":\"%s\",\"occurredAt\":\"2026-11-28T02:00:00Z\"}"
                                .formatted(orderId, orderId)));
            }
            int dice = random.nextInt(10);
            int refundCount = dice < 3 ? 1 : dice < 4 ? 2 : 0;
            boolean full = dice == 4;
            for (int r = 1; r <= (full ? 1 : refundCount) && events.size() < EVENTS; r++) {
                Map<String, Long> fen = new HashMap<>();
                if (full) {
                    items.forEach(i -> fen.put(i.itemId(), i.paidFen()));
                } else {
                    Item item = items.get(random.nextInt(items.size()));
                    fen.put(item.itemId(), 1 + (long) random.nextInt((int) item.paidFen()));
                }
                Refund refund = new Refund(orderId, "RF" + r, fen);
                refunds.computeIfAbsent(orderId, k -> new ArrayList<>()).add(refund);
                events.add(refunded(refund));
            }
        }
        assertThat(events).hasSize(EVENTS);

        // --- deliver every event twice, shuffled ---
        List<Outgoing> deliveries = new ArrayList<>(events);
        deliveries.addAll(events);
        Collections.shuffle(deliveries, random);
        double handledBefore = handled();
        for (int from = 0; from < deliveries.size(); from += 100) {
            publisher.sendAll(Topics.ORDER_EVENTS, deliveries.subList(from, Math.min(deliveries.size(), from + 100)));
        }
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> handled() - handledBefore >= deliveries.size());

        // --- the independent recomputation ---
        record Expected(long promoter, long amountFen) {}
        Map<String, Expected> expected = new HashMap<>();
        for (Order order : orders) {
            Map<String, Long> refunded = new HashMap<>();
            for (Refund r : refunds.getOrDefault(order.orderId(), List.of())) {
                r.fen().forEach((item, fen) -> refunded.merge(item, fen, Long::sum));
            }
            boolean fullyRefunded =
                    order.items().stream().allMatch(i -> refunded.getOrDefault(i.itemId(), 0L) >= i.paidFen());
            Chain chain = chains.get(order.buyer());
            for (int level = 1; level <= 2; level++) {
                Long promoter = chain == null ? null : level == 1 ? chain.l1() : chain.l2();
                if (promoter == null || promoter == order.buyer()) {
                    continue;
                }
                long amount = 0;
                if (!fullyRefunded) {
                    for (Item item : order.items()) {
                        Rates rates = productRates.getOrDefault(item.productId(), new Rates(800, 300));
                        if (productCategory.containsKey(item.productId())) {
                            rates = productRates.get(productCategory.get(item.productId()));
                        }
                        int bp = level == 1 ? rates.l1() : rates.l2();
                        long remaining =
                                item.paidFen() - Math.min(item.paidFen(), refunded.getOrDefault(item.itemId(), 0L));
                        amount += remaining * bp / 10_000; // floor: both factors are non-negative
                    }
                }
                expected.put(order.orderId() + "/" + level, new Expected(promoter, amount));
            }
        }

        // --- what the engine stored ---
        record Actual(long id, long promoter, long amountFen, String status, boolean completed) {}
        Map<String, Actual> actual = new HashMap<>();
        jdbc.query(
                "SELECT id, order_id, level, promoter_id, amount_fen, status, completed_at FROM commission_record"
                        + " WHERE order_id LIKE ?",
                rs -> {
                    actual.put(
                            rs.getString(2) + "/" + rs.getInt(3),
                            new Actual(
                                    rs.getLong(1),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    rs.getString(6),
                                    rs.getTimestamp(7) != null));
                },
                "MX" + base + "-%");

        int positive = 0;
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            Actual a = actual.get(e.getKey());
            if (e.getValue().amountFen() > 0) {
                positive++;
                assertThat(a).as(e.getKey()).isNotNull();
                assertThat(a.promoter()).as(e.getKey()).isEqualTo(e.getValue().promoter());
                assertThat(a.amountFen()).as(e.getKey()).isEqualTo(e.getValue().amountFen());
                assertThat(a.status()).as(e.getKey()).isEqualTo("PENDING");
                String orderId = e.getKey().substring(0, e.getKey().indexOf('/'));
                assertThat(a.completed()).as(e.getKey()).isEqualTo(completed.containsKey(orderId));
            } else if (a != null) {
                // refunded to nothing after its record was created: cancelled, owes nothing
                assertThat(a.amountFen()).as(e.getKey()).isZero();
                assertThat(a.status()).as(e.getKey()).isEqualTo("CANCELLED");
            }
        }
        assertThat(actual.keySet()).allMatch(expected::containsKey);
        assertThat(positive).as("orders that owe something").isGreaterThan(3_000);
        long expectedTotal =
                expected.values().stream().mapToLong(Expected::amountFen).sum();
        long actualTotal = actual.values().stream().mapToLong(Actual::amountFen).sum();
        assertThat(actualTotal).isEqualTo(expectedTotal);

        // every order has exactly one snapshot, whatever arrived first and how often
        Long snapshots = jdbc.queryForObject(
                "SELECT COUNT(*) FROM order_snapshot WHERE order_id LIKE ?", Long.class, "MX" + base + "-%");
        assertThat(snapshots).isEqualTo((long) orders.size());

        // the outbox tells each record's history once: created + adjustments − cancellation = amount
        Map<Long, Long> fromEvents = new HashMap<>();
        Map<Long, Integer> created = new HashMap<>();
        Map<Long, Integer> completions = new HashMap<>();
        jdbc.query(
                "SELECT tag, payload FROM outbox_event WHERE topic = ? AND payload LIKE ?",
                rs -> {
                    JsonNode p;
                    try {
                        p = codec.mapper().readTree(rs.getString(2)).get("payload");
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                    long id = p.get("commissionId").asLong();
                    switch (rs.getString(1)) {
                        case "COMMISSION_CREATED" -> {
                            created.merge(id, 1, Integer::sum);
                            fromEvents.merge(id, p.get("amountFen").asLong(), Long::sum);
                        }
                        case "COMMISSION_ADJUSTED" ->
                            fromEvents.merge(id, p.get("deltaFen").asLong(), Long::sum);
                        case "COMMISSION_CANCELLED" ->
                            fromEvents.merge(id, -p.get("amountFen").asLong(), Long::sum);
                        // the window starts: announced once per record that existed before its completion
                        case "COMMISSION_COMPLETED" -> completions.merge(id, 1, Integer::sum);
                        default -> throw new IllegalStateException("unexpected " + rs.getString(1));
                    }
                },
                Topics.COMMISSION_EVENTS,
                "%MX" + base + "-%");
        assertThat(created.values()).allMatch(c -> c == 1);
        assertThat(completions.values()).allMatch(c -> c == 1);
        assertThat(created.keySet()).containsAll(completions.keySet());
        assertThat(created).hasSize(actual.size());
        for (Actual a : actual.values()) {
            assertThat(fromEvents.get(a.id())).as("events of " + a.id()).isEqualTo(a.amountFen());
        }
    }

    private double handled() {
        return meters.counter("order_events.handled").count();
    }

    private void setUpRules() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        // P1: its own rates; P2: its category's; P3: not commissionable; P4: defaults; P5: a qualification product
        ruleVersions.add(rule(RuleScope.PRODUCT, "MX-P1", 1_000, 500, true, false, from));
        ruleVersions.add(rule(RuleScope.CATEGORY, "MX-C2", 1_200, 150, true, false, from));
        ruleVersions.add(rule(RuleScope.PRODUCT, "MX-P3", null, null, false, false, from));
        ruleVersions.add(rule(RuleScope.PRODUCT, "MX-P5", 3_000, 1_000, true, true, from));
        productRates.put("MX-P1", new Rates(1_000, 500));
        productRates.put("MX-C2", new Rates(1_200, 150));
        productCategory.put("MX-P2", "MX-C2");
        productRates.put("MX-P3", new Rates(0, 0));
        productRates.put("MX-P5", new Rates(0, 0));
    }

    private RuleVersion rule(
            RuleScope scope,
            String id,
            Integer l1,
            Integer l2,
            boolean commissionable,
            boolean qualification,
            Instant from) {
        return new RuleVersion(ids.nextId(), scope, id, l1, l2, null, commissionable, qualification, from, null);
    }

    /** Promoters in two tiers, buyers under them (some with one level, some unbound, some flagged). */
    private List<Long> setUpChains(JdbcTemplate jdbc) throws Exception {
        List<Outgoing> relations = new ArrayList<>();
        List<Long> top = new ArrayList<>();
        List<Long> middle = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            top.add(base + 100 + i);
        }
        for (int i = 0; i < 40; i++) {
            long m = base + 200 + i;
            middle.add(m);
            if (i < 30) {
                long t = top.get(i % top.size());
                chains.put(m, new Chain(t, null));
                relations.add(relation(new RelationBound(m, t, null, "LINK", BOUND)));
            }
        }
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long b = base + 1_000 + i;
            buyers.add(b);
            if (i < 40) {
                continue; // unbound: nobody earns
            }
            long l1 = middle.get(i % middle.size());
            Chain l1Chain = chains.get(l1);
            Long l2 = l1Chain == null ? null : l1Chain.l1();
            chains.put(b, new Chain(l1, l2));
            relations.add(relation(new RelationBound(b, l1, l2, "QR_CODE", BOUND)));
        }
        // buyers 40..49 are also promoters' customers who got flagged: held, amounts unchanged
        for (int i = 40; i < 50; i++) {
            relations.add(relation(new MemberFlagged(buyers.get(i), "DEVICE_FLOOD", BOUND)));
        }
        long expectedChains = chains.size();
        for (int from = 0; from < relations.size(); from += 100) {
            publisher.sendAll(Topics.RELATION_EVENTS, relations.subList(from, Math.min(relations.size(), from + 100)));
        }
        await().atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM buyer_chain WHERE user_id >= ? AND user_id < ?",
                                        Long.class,
                                        base,
                                        base + 1_000_000)
                                == expectedChains
                        && jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM member_state WHERE user_id >= ? AND user_id < ?",
                                        Long.class,
                                        base,
                                        base + 1_000_000)
                                == 10L);
        return buyers;
    }

    private Outgoing relation(PlatformEvent event) {
        EventEnvelope envelope = codec.wrap("rel-" + base + "-" + ids.nextId(), BOUND, event);
        return new Outgoing(Topics.RELATION_EVENTS, envelope.type(), envelope.key(), codec.write(envelope));
    }

    private Outgoing paid(Order order) {
        StringBuilder items = new StringBuilder();
        for (Item i : order.items()) {
            if (!items.isEmpty()) {
                items.append(',');
            }
            String category = productCategory.get(i.productId());
            items.append("{\"itemId\":\"%s\",\"productId\":\"%s\",%s\"quantity\":%d,\"paidFen\":%d,\"costFen\":%d}"
                    .formatted(
                            i.itemId(),
                            i.productId(),
                            category == null ? "" : "\"categoryId\":\"" + category + "\",",
                            i.quantity(),
                            i.paidFen(),
                            i.paidFen() / 2));
        }
        return new Outgoing(
                Topics.ORDER_EVENTS,
                "PAID",
                order.orderId(),
                "{\"eventId\":\"p-%s\",\"type\":\"PAID\",\"orderId\":\"%s\",\"orderNo\":\"SO%s\",\"buyerId\":%d,\"occurredAt\":\"%s\",\"items\":[%s]}"
                        .formatted(order.orderId(), order.orderId(), order.orderId(), order.buyer(), PAID, items));
    }

    private Outgoing refunded(Refund r) {
        StringBuilder items = new StringBuilder();
        r.fen().forEach((item, fen) -> {
            if (!items.isEmpty()) {
                items.append(',');
            }
            items.append("{\"itemId\":\"%s\",\"refundFen\":%d}".formatted(item, fen));
        });
        return new Outgoing(
                Topics.ORDER_EVENTS,
                "REFUNDED",
                r.orderId(),
                "{\"eventId\":\"r-%s-%s\",\"type\":\"REFUNDED\",\"orderId\":\"%s\",\"refundId\":\"%s\",\"occurredAt\":\"2026-11-27T02:00:00Z\",\"items\":[%s]}"
                        .formatted(r.orderId(), r.refundId(), r.orderId(), r.refundId(), items));
    }
}
