package com.fenxiao.commission.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fenxiao.commission.ingestion.adapter.mq.OrderEventsListener;
import com.fenxiao.commission.ingestion.domain.SignedDelivery;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.testing.ApiFuzzer;
import com.fenxiao.testing.PlatformTestProperties;
import com.fenxiao.testing.TableChecksums;
import com.fenxiao.testing.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 8, bad input, for commission-engine: malformed order events on ORDER_EVENTS are dead-lettered
 * with their reason while the consumer keeps going; then generated requests against every endpoint,
 * the signed intake included (valid signatures over malformed JSON), with no 5xx, every refusal a
 * problem with a code, and nothing written by a refused request.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzIT {

    private static final String CLIENT = "fuzz-client";
    private static final String SECRET = "fuzz-client-secret-0123456789abcdef";
    private static final long BASE = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1000;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, FuzzIT.class);
        registry.add("platform.integration.clients." + CLIENT + ".secret", () -> SECRET);
        // nothing may write without a request while the tables are watched
        registry.add("platform.outbox.relay.enabled", () -> "false");
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    PhysicalDatabases physical;

    @Autowired
    DataSource dataSource;

    @Autowired
    MessagePublisher publisher;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    /** Raw bodies no order event parser should accept; each must reach the DLQ with a reason. */
    static List<String> malformedOrderEvents(String key) {
        List<String> out = new ArrayList<>(List.of(
                " ",
                "not json at all",
                "{",
                "[]",
                "null",
                "42",
                "\"PAID\"",
                "{}",
                "{\"type\":\"PAID\"}",
                "{\"eventId\":\"e\",\"type\":\"PAID\",\"orderId\":\"" + key + "\"}",
                "{\"eventId\":\"e\",\"type\":\"SHIPPED\",\"orderId\":\"" + key
                        + "\",\"occurredAt\":\"2026-11-25T10:00:00Z\"}",
                "{\"eventId\":\"e\",\"type\":\"PAID\",\"orderId\":\"" + key
                        + "\",\"orderNo\":\"SO\",\"buyerId\":\"abc\","
                        + "\"occurredAt\":\"2026-11-25T10:00:00Z\",\"items\":[]}",
                "{\"eventId\":\"e\",\"type\":\"PAID\",\"orderId\":\"" + key + "\",\"orderNo\":\"SO\",\"buyerId\":1,"
                        + "\"occurredAt\":\"not a time\",\"items\":[{\"itemId\":\"1\",\"productId\":\"P\",\"quantity\":1,"
                        + "\"paidFen\":100,\"costFen\":1}]}",
                "{\"eventId\":\"e\",\"type\":\"PAID\",\"orderId\":\"" + key + "\",\"orderNo\":\"SO\",\"buyerId\":1,"
                        + "\"occurredAt\":\"2026-11-25T10:00:00Z\",\"items\":[{\"itemId\":\"1\",\"productId\":\"P\","
                        + "\"quantity\":1,\"paidFen\":92233720368547758070,\"costFen\":1}]}",
                "{\"eventId\":\"e\",\"type\":\"PAID\",\"orderId\":\"" + key + "\",\"orderNo\":\"SO\",\"buyerId\":1,"
                        + "\"occurredAt\":\"2026-11-25T10:00:00Z\",\"items\":[{\"itemId\":\"1\",\"productId\":\"P\","
                        + "\"quantity\":1,\"paidFen\":-100,\"costFen\":1}]}",
                "{\"eventId\":\"e\",\"type\":\"REFUNDED\",\"orderId\":\"" + key + "\",\"refundId\":\"R\","
                        + "\"occurredAt\":\"2026-11-25T10:00:00Z\",\"items\":[{\"itemId\":\"1\",\"refundFen\":-5}]}",
                "{\"eventId\":\"e\",\"type\":\"PAID\",\"type\":\"REFUNDED\",\"orderId\":\"" + key + "\"}",
                "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
                "\uFEFF{\"eventId\":\"\"}"));
        return out;
    }

    @Test
    @Order(1)
    void malformed_order_events_are_dead_lettered_with_a_reason_and_the_consumer_keeps_going() throws Exception {
        try (TopicWatcher deadLetters = TopicWatcher.watch(Topics.ORDER_EVENTS_DLQ)) {
            String prefix = "FZ" + BASE + "-";
            List<String> bodies = malformedOrderEvents(prefix);
            for (int i = 0; i < bodies.size(); i++) {
                publisher.send(
                        new Outgoing(Topics.ORDER_EVENTS, i % 2 == 0 ? "PAID" : "REFUNDED", prefix + i, bodies.get(i)));
            }
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> deadLetters.messages().stream()
                                    .filter(m ->
                                            m.getKeys() != null && m.getKeys().startsWith(prefix))
                                    .map(MessageExt::getKeys)
                                    .distinct()
                                    .count()
                            == bodies.size());
            for (MessageExt m : deadLetters.messages()) {
                if (m.getKeys() != null && m.getKeys().startsWith(prefix)) {
                    assertThat(m.getUserProperty(OrderEventsListener.DLQ_REASON))
                            .as("DLQ reason of " + m.getKeys())
                            .isNotBlank();
                }
            }
        }
        // the consumer is still going: a well-formed order after the bad ones is recorded
        String order = "FZOK" + BASE;
        publisher.send(new Outgoing(
                Topics.ORDER_EVENTS,
                "PAID",
                order,
                """
                {"eventId":"e-%s","type":"PAID","orderId":"%s","orderNo":"SO%s","buyerId":%d,
                 "occurredAt":"2026-11-25T10:00:00Z",
                 "items":[{"itemId":"1","productId":"P1","quantity":1,"paidFen":10000,"costFen":1}]}
                """
                        .formatted(order, order, order, BASE + 1)));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForObject("SELECT COUNT(*) FROM order_snapshot WHERE order_id = ?", Long.class, order)
                                == 1L);
    }

    @Test
    @Order(2)
    void no_generated_request_gets_a_5xx_an_unexplained_refusal_or_writes_when_refused() {
        ApiFuzzer.stopBackgroundWork(context);
        ApiFuzzer.Report report = ApiFuzzer.of(port, mapping)
                .seed(20261128L)
                .requests(2_600)
                .body(
                        "POST /integration/v1/order-events",
                        """
                        {"eventId":"e-fz","type":"PAID","orderId":"FZ1","orderNo":"SOFZ1","buyerId":42,
                         "occurredAt":"2026-11-25T10:00:00+08:00",
                         "items":[{"itemId":"1","productId":"P1","quantity":2,"paidFen":19900,"costFen":12000}]}
                        """)
                // most intake requests carry a valid signature over whatever body was generated, so the
                // malformed JSON itself is what gets refused; the rest have broken signing headers
                .signer("POST /integration/v1/order-events", (request, random) -> {
                    byte[] body = request.body() == null ? new byte[0] : request.body();
                    String now = Long.toString(Instant.now().getEpochSecond());
                    return switch (random.nextInt(8)) {
                        case 0 ->
                            Map.of(
                                    "X-Client-Id",
                                    CLIENT,
                                    "X-Timestamp",
                                    "9223372036854775807",
                                    "X-Signature",
                                    SignedDelivery.signHex(SECRET, "9223372036854775807", body));
                        case 1 ->
                            Map.of(
                                    "X-Client-Id",
                                    CLIENT,
                                    "X-Timestamp",
                                    "-9223372036854775808",
                                    "X-Signature",
                                    SignedDelivery.signHex(SECRET, "-9223372036854775808", body));
                        case 2 -> Map.of("X-Client-Id", "nobody", "X-Timestamp", now, "X-Signature", "00");
                        case 3 -> Map.of("X-Client-Id", CLIENT, "X-Timestamp", now, "X-Signature", "not-hex-名");
                        default ->
                            Map.of(
                                    "X-Client-Id",
                                    CLIENT,
                                    "X-Timestamp",
                                    now,
                                    "X-Signature",
                                    SignedDelivery.signHex(SECRET, now, body));
                    };
                })
                .watch(new TableChecksums(physical))
                .verify();
        assertThat(report.requests()).isGreaterThanOrEqualTo(2_500);
        assertThat(report.byStatusClass()).containsKey("2xx");
    }
}
