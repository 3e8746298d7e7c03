package com.fenxiao.settlement.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.idev.excel.FastExcel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.testing.PlatformTestProperties;
import com.fenxiao.testing.TestKeys;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
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
 * Issue 5 reconciliation on the real stack (MariaDB behind ShardingSphere, RocketMQ, Redis): order
 * events become paid, refunded and cost totals per day and product; the staff report sets commission
 * against gross margin and alerts; the invariant check finds what breaks the ledger and compares with a
 * wallet (a stub HTTP server answering as withdrawal-service will); the export streams CSV and XLSX.
 * Commission for the alert cases is written straight into {@code reconciliation_day} (the commission
 * side of those totals is the commission feature's, tested there).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReconciliationIT {

    private static final long BASE = ThreadLocalRandom.current().nextLong(1_000, 1_000_000) * 1000;
    private static final Map<Long, Long> WALLET = new java.util.concurrent.ConcurrentHashMap<>();
    private static HttpServer wallet;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        PlatformTestProperties.register(registry, ReconciliationIT.class);
        registry.add("platform.settlement.release.enabled", () -> "false");
        registry.add("platform.outbox.relay.enabled", () -> "false");
        wallet = walletStub();
        registry.add(
                "platform.settlement.wallet-url",
                () -> "http://127.0.0.1:" + wallet.getAddress().getPort());
    }

    @AfterAll
    static void stopWallet() {
        if (wallet != null) {
            wallet.stop(0);
        }
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

    @Autowired
    MeterRegistry meters;

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Test
    void reports_paid_refunded_and_cost_to_the_fen_whatever_the_order_and_repetition_of_the_events() throws Exception {
        String o1 = "RO1-" + BASE, o2 = "RO2-" + BASE;
        String paidAt = "2026-10-15T10:00:00+08:00";
        publisher.send(order(
                o1, "PAID", paid("p-" + o1, o1, paidAt, item("i1", "P1", 19_900, 12_000), item("i2", "P2", 999, 500))));
        // half of item 1 refunded: floor(12000 × 9950 / 19900) = 6000 of cost comes back
        publisher.send(order(o1, "REFUNDED", refund("r-" + o1, o1, "R1", "i1", 9_950)));
        // the second order's refund arrives before its payment: kept, then counted with it
        publisher.send(order(o2, "REFUNDED", refund("r-" + o2, o2, "R2", "i1", 1_000)));
        awaitProcessed("r-" + o2);
        publisher.send(order(o2, "PAID", paid("p-" + o2, o2, paidAt, item("i1", "P1", 5_000, 3_000))));

        // P1: paid 19900 + 5000, refunded 9950 + 1000, cost 12000 − 6000 + 3000 − 600
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode p1 = row(report("2026-10-15", "2026-10-15"), "2026-10-15", "P1");
            assertThat(p1).isNotNull();
            assertThat(p1.get("paidFen").asLong()).isEqualTo(24_900);
            assertThat(p1.get("refundedFen").asLong()).isEqualTo(10_950);
            assertThat(p1.get("costFen").asLong()).isEqualTo(8_400);
        });

        // the same payment again (same event id) and the same refund under a new event id, one queue,
        // in that order: once the second is recorded, the first was handled too
        publisher.sendAll(
                Topics.ORDER_EVENTS,
                List.of(
                        order(
                                o1,
                                "PAID",
                                paid(
                                        "p-" + o1,
                                        o1,
                                        paidAt,
                                        item("i1", "P1", 19_900, 12_000),
                                        item("i2", "P2", 999, 500))),
                        order(o1, "REFUNDED", refund("r2-" + o1, o1, "R1", "i1", 9_950))));
        awaitProcessed("r2-" + o1);

        JsonNode report = report("2026-10-15", "2026-10-15");
        JsonNode p1 = row(report, "2026-10-15", "P1");
        assertThat(p1.get("paidFen").asLong()).isEqualTo(24_900);
        assertThat(p1.get("refundedFen").asLong()).isEqualTo(10_950);
        assertThat(p1.get("costFen").asLong()).isEqualTo(8_400);
        assertThat(p1.get("grossMarginFen").asLong()).isEqualTo(5_550);
        assertThat(p1.get("commissionFen").asLong()).isZero();
        assertThat(p1.get("commissionShareBp").asLong()).isZero();
        assertThat(p1.get("alert").asBoolean()).isFalse();
        JsonNode p2 = row(report, "2026-10-15", "P2");
        assertThat(p2.get("paidFen").asLong()).isEqualTo(999);
        assertThat(p2.get("refundedFen").asLong()).isZero();
        assertThat(p2.get("costFen").asLong()).isEqualTo(500);
        assertThat(report.get("days")).hasSize(1);
        assertThat(report.get("days").get(0).get("paidFen").asLong()).isEqualTo(25_899);
        assertThat(report.get("days").get(0).get("grossMarginFen").asLong()).isEqualTo(6_049);
        // the order rows and the totals of an order sit in the order id's database
        assertThat(jdbc().queryForObject("SELECT refunds FROM settlement_order WHERE order_id = ?", String.class, o2))
                .contains("R2");
    }

    @Test
    void alerts_when_commission_exceeds_the_configured_share_of_gross_margin_summed_over_shards() throws Exception {
        String day = "2026-10-16";
        // A: margin 999 − 500 = 499, commission 150 + 100 from two shards = 250 → 50.10 % > 50 %
        dayRow(1, day, "A", 999, 0, 500, 0);
        dayRow(6, day, "A", 0, 0, 0, 150);
        dayRow(1, day, "A", 0, 0, 0, 100);
        // B: margin 4000, commission 2000 → exactly 50 %: no alert
        dayRow(2, day, "B", 10_000, 0, 6_000, 2_000);
        // C: commission without margin
        dayRow(5, day, "C", 0, 0, 0, 10);

        JsonNode report = report(day, day);

        JsonNode a = row(report, day, "A");
        assertThat(a.get("commissionFen").asLong()).isEqualTo(250);
        assertThat(a.get("grossMarginFen").asLong()).isEqualTo(499);
        assertThat(a.get("commissionShareBp").asLong()).isEqualTo(5_010);
        assertThat(a.get("alert").asBoolean()).isTrue();
        JsonNode b = row(report, day, "B");
        assertThat(b.get("commissionShareBp").asLong()).isEqualTo(5_000);
        assertThat(b.get("alert").asBoolean()).isFalse();
        JsonNode c = row(report, day, "C");
        assertThat(c.get("commissionShareBp").isNull()).isTrue();
        assertThat(c.get("alert").asBoolean()).isTrue();
        assertThat(report.get("alertCount").asLong()).isEqualTo(2);
        assertThat(report.get("alerts").findValuesAsText("productId")).containsExactly("A", "C");
        assertThat(report.get("marginAlertBp").asInt()).isEqualTo(5_000);
        // the day as a whole: margin 4499, commission 2260 → 5023 bp, above half
        JsonNode total = report.get("days").get(0);
        assertThat(total.get("grossMarginFen").asLong()).isEqualTo(4_499);
        assertThat(total.get("commissionFen").asLong()).isEqualTo(2_260);
        assertThat(total.get("commissionShareBp").asLong()).isEqualTo(5_023);
        assertThat(total.get("alert").asBoolean()).isTrue();

        // the gauge counts the alerting lines of the last 7 days (only today's one here)
        dayRow(3, BusinessTime.dateOf(clock.instant()).toString(), "TODAY", 100, 0, 100, 1);
        JsonNode again = report(day, day);
        assertThat(again.get("alertsLast7Days").asLong()).isEqualTo(1);
        assertThat(meters.get("settlement.reconciliation.alerts").gauge().value())
                .isEqualTo(1.0);
    }

    @Test
    void the_invariant_check_reports_missing_duplicate_and_orphan_settled_events_and_wallet_mismatches()
            throws Exception {
        long p1 = 1_001, p2 = 1_006, p3 = 1_003, p4 = 1_004;
        // released and announced once; 200 of it reversed since: credited 800, as the wallet says
        commission(11, p1, "AVAILABLE", 1_000, 200);
        settledEvent(p1, "settled-11", 11);
        // released, no event: missing (and the wallet, which never heard of it, says 400: mismatch)
        commission(12, p2, "WITHDRAWN", 500, 0);
        // released with its event and a second one under another id: duplicate; unknown to the wallet
        commission(13, p3, "AVAILABLE", 700, 0);
        settledEvent(p3, "settled-13", 13);
        settledEvent(p3, "bug-13", 13);
        // a settled event whose commission was never released: orphan
        commission(14, p4, "PENDING", 0, 0);
        settledEvent(p4, "settled-14", 14);
        WALLET.put(p1, 800L);
        WALLET.put(p2, 400L);

        JsonNode check = getJson("/admin/v1/reconciliation/invariants", TestKeys.staffToken(900, StaffRole.AUDITOR));

        assertThat(check.get("releasedCommissions").asLong()).isEqualTo(3);
        assertThat(check.get("missingSettledEvents").asLong()).isEqualTo(1);
        assertThat(check.get("duplicateSettledEvents").asLong()).isEqualTo(1);
        assertThat(check.get("orphanSettledEvents").asLong()).isEqualTo(1);
        assertThat(check.get("wallet").asText()).isEqualTo("CONNECTED");
        assertThat(check.get("checkedPromoters").asLong()).isEqualTo(3);
        List<String> mismatches = new ArrayList<>();
        check.get("walletMismatches")
                .forEach(m -> mismatches.add(m.get("promoterId").asText() + ":"
                        + m.get("settlementFen").asLong() + ":"
                        + m.get("walletFen").asLong()));
        assertThat(mismatches).containsExactlyInAnyOrder(p2 + ":500:400", p3 + ":700:0");
        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("checkedAt").asText()).isNotBlank();
        assertThat(meters.get("settlement.invariant.violations").gauge().value())
                .isEqualTo(5.0);
    }

    @Test
    void exports_csv_with_a_bom_and_chinese_headers_and_a_readable_xlsx_streamed() throws Exception {
        String day = "2026-10-17";
        dayRow(0, day, "EX-1", 24_900, 10_950, 8_400, 2_775);
        dayRow(4, day, "EX-2", 999, 0, 500, 250);
        String finance = TestKeys.staffToken(901, StaffRole.FINANCE);

        ResponseEntity<byte[]> csv =
                bytes("/admin/v1/exports/reconciliation?from=" + day + "&to=" + day + "&format=csv", finance);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("reconciliation-" + day + "-" + day + ".csv");
        byte[] body = csv.getBody();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines)
                .containsExactly(
                        "日期,商品ID,实付金额(元),退款金额(元),成本(元),毛利(元),佣金(元),佣金占毛利(%),预警",
                        day + ",EX-1,249.00,109.50,84.00,55.50,27.75,50.00,否",
                        day + ",EX-2,9.99,0.00,5.00,4.99,2.50,50.10,是");

        ResponseEntity<byte[]> xlsx = bytes(
                "/admin/v1/exports/reconciliation?from=" + day + "&to=" + day + "&format=xlsx",
                TestKeys.staffToken(902, StaffRole.AUDITOR));
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("reconciliation-" + day + "-" + day + ".xlsx");
        assertThat(new String(xlsx.getBody(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        List<Object> sheet = FastExcel.read(new ByteArrayInputStream(xlsx.getBody()))
                .sheet()
                .headRowNumber(0)
                .doReadSync();
        assertThat(sheet).hasSize(3);
        assertThat(((Map<?, ?>) sheet.get(0)).get(0)).isEqualTo("日期");
        assertThat(((Map<?, ?>) sheet.get(0)).get(7)).isEqualTo("佣金占毛利(%)");
        Map<?, ?> first = (Map<?, ?>) sheet.get(1);
        assertThat(first.get(0)).isEqualTo(day);
        assertThat(first.get(1)).isEqualTo("EX-1");
        assertThat(new java.math.BigDecimal(String.valueOf(first.get(2)))).isEqualByComparingTo("249.00");
        assertThat(((Map<?, ?>) sheet.get(2)).get(8)).isEqualTo("是");

        ResponseEntity<String> badFormat =
                exchange("/admin/v1/exports/reconciliation?from=" + day + "&to=" + day + "&format=pdf", finance);
        assertProblem(badFormat, 400, "INVALID_PARAMETER");
    }

    @Test
    void only_staff_readers_see_reconciliation_and_bad_ranges_are_refused_in_chinese() {
        String range = "?from=2026-10-01&to=2026-10-31";
        assertThat(exchange("/admin/v1/reconciliation" + range, TestKeys.staffToken(903, StaffRole.AUDITOR))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertProblem(exchange("/admin/v1/reconciliation" + range, TestKeys.memberToken(42)), 403, "FORBIDDEN");
        assertProblem(exchange("/admin/v1/exports/reconciliation" + range, TestKeys.memberToken(42)), 403, "FORBIDDEN");
        assertProblem(exchange("/admin/v1/reconciliation/invariants", TestKeys.memberToken(42)), 403, "FORBIDDEN");
        assertThat(http.getForEntity("/admin/v1/reconciliation" + range, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);

        String staff = TestKeys.staffToken(904, StaffRole.OPS);
        ResponseEntity<String> badDate = exchange("/admin/v1/reconciliation?from=2026-13-01&to=2026-10-31", staff);
        assertProblem(badDate, 400, "INVALID_PARAMETER");
        assertThat(badDate.getBody()).contains("yyyy-MM-dd");
        assertProblem(
                exchange("/admin/v1/reconciliation?from=2026-10-31&to=2026-10-01", staff), 400, "INVALID_PARAMETER");
        assertProblem(
                exchange("/admin/v1/reconciliation?from=2025-01-01&to=2026-01-02", staff), 400, "INVALID_PARAMETER");
        assertProblem(exchange("/admin/v1/reconciliation?to=2026-01-02", staff), 400, "INVALID_PARAMETER");
        assertThat(exchange("/admin/v1/reconciliation?from=2025-01-02&to=2026-01-02", staff)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    // --- helpers ---

    private static HttpServer walletStub() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/wallet-totals", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            StringBuilder json = new StringBuilder("[");
            for (String id : query.substring(query.indexOf('=') + 1).split(",")) {
                Long fen = WALLET.get(Long.parseLong(id));
                if (fen != null) {
                    json.append(json.length() > 1 ? "," : "")
                            .append("{\"promoterId\":\"")
                            .append(id)
                            .append("\",\"creditedFen\":")
                            .append(fen)
                            .append('}');
                }
            }
            byte[] body = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static Outgoing order(String orderId, String tag, String json) {
        return new Outgoing(Topics.ORDER_EVENTS, tag, orderId, json);
    }

    private static String item(String id, String product, long paid, long cost) {
        return "{\"itemId\":\"%s\",\"productId\":\"%s\",\"categoryId\":\"C1\",\"quantity\":1,\"paidFen\":%d,\"costFen\":%d}"
                .formatted(id, product, paid, cost);
    }

    private static String paid(String eventId, String orderId, String at, String... items) {
        return ("{\"eventId\":\"%s\",\"type\":\"PAID\",\"orderId\":\"%s\",\"orderNo\":\"SO%s\",\"buyerId\":77,"
                        + "\"occurredAt\":\"%s\",\"items\":[%s]}")
                .formatted(eventId, orderId, orderId, at, String.join(",", items));
    }

    private static String refund(String eventId, String orderId, String refundId, String itemId, long fen) {
        return ("{\"eventId\":\"%s\",\"type\":\"REFUNDED\",\"orderId\":\"%s\",\"refundId\":\"%s\","
                        + "\"occurredAt\":\"2026-10-16T10:00:00+08:00\",\"items\":[{\"itemId\":\"%s\",\"refundFen\":%d}]}")
                .formatted(eventId, orderId, refundId, itemId, fen);
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc().queryForObject(
                                        "SELECT COUNT(*) FROM processed_event WHERE consumer = 'settlement-orders' AND event_id = ?",
                                        Long.class,
                                        eventId)
                        == 1);
    }

    private void dayRow(
            long shardKey, String day, String product, long paid, long refunded, long cost, long commission) {
        jdbc().update(
                        "INSERT INTO reconciliation_day (shard_key, day, product_id, paid_fen, refunded_fen, cost_fen,"
                                + " commission_fen, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON DUPLICATE KEY UPDATE paid_fen = paid_fen + VALUES(paid_fen),"
                                + " refunded_fen = refunded_fen + VALUES(refunded_fen), cost_fen = cost_fen + VALUES(cost_fen),"
                                + " commission_fen = commission_fen + VALUES(commission_fen)",
                        shardKey,
                        java.sql.Date.valueOf(LocalDate.parse(day)),
                        product,
                        paid,
                        refunded,
                        cost,
                        commission,
                        Timestamp.from(clock.instant()));
    }

    private void commission(long id, long promoter, String status, long settled, long reversed) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc().update(
                        "INSERT INTO settlement_commission (id, promoter_id, order_id, known, status, amount_fen, settled_fen,"
                                + " reversed_fen, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
                        id,
                        promoter,
                        "INV-" + id,
                        status,
                        settled - reversed,
                        settled,
                        reversed,
                        now,
                        now);
    }

    private void settledEvent(long promoter, String eventId, long commissionId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc().update(
                        "INSERT INTO outbox_event (id, shard_key, event_id, topic, tag, msg_key, payload, created_at,"
                                + " published_at) VALUES (?, ?, ?, ?, 'COMMISSION_SETTLED', ?, '{}', ?, ?)",
                        BASE + ThreadLocalRandom.current().nextLong(1, 999),
                        promoter,
                        eventId,
                        Topics.COMMISSION_EVENTS,
                        Long.toString(commissionId),
                        now,
                        now);
    }

    private JsonNode report(String from, String to) throws Exception {
        return getJson(
                "/admin/v1/reconciliation?from=" + from + "&to=" + to, TestKeys.staffToken(905, StaffRole.FINANCE));
    }

    private static JsonNode row(JsonNode report, String day, String product) {
        for (JsonNode r : report.get("rows")) {
            if (r.get("day").asText().equals(day) && r.get("productId").asText().equals(product)) {
                return r;
            }
        }
        return null;
    }

    private ResponseEntity<String> exchange(String path, String token) {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(h), String.class);
    }

    private ResponseEntity<byte[]> bytes(String path, String token) {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(h), byte[].class);
    }

    private JsonNode getJson(String path, String token) throws Exception {
        ResponseEntity<String> answer = exchange(path, token);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return codec.mapper().readTree(answer.getBody());
    }

    private static void assertProblem(ResponseEntity<String> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(answer.getBody()).contains("\"code\":\"" + code + "\"");
    }
}
