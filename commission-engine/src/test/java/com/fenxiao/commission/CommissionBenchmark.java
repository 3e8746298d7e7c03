package com.fenxiao.commission;

import com.fenxiao.common.event.Topics;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.common.outbox.OutboxRelay;
import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.testing.PlatformTestProperties;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark run by hand (README). Starts the engine in-process (no web server) against the
 * machine's MariaDB and an embedded RocketMQ broker in this JVM, seeds buyer chains, then
 * <ol>
 *   <li><b>pipeline</b>, twice: publishes N order-paid events (1–3 items, both levels earning) to
 *       ORDER_EVENTS in batch sends and times from the first send until every snapshot, commission record
 *       and outbox row is committed; first with the outbox relay publishing meanwhile (as in production),
 *       then with the relay stopped (the order path alone);
 *   <li><b>raw</b>: reads those very rows back and inserts copies (new keys) through the same
 *       ShardingSphere data source with plain JDBC batches of 1,000, one commit per batch, one thread,
 *       as STACK.md's 45k rows/s was measured.
 * </ol>
 * Prints events/s, rows/s of both and their ratio. System properties: {@code bench.orders} (20000).
 */
public final class CommissionBenchmark {

    private static final Instant PAID = Instant.parse("2026-11-25T02:00:00Z");

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("bench.orders", 20_000);
        Map<String, Object> props = new HashMap<>();
        PlatformTestProperties.register((name, value) -> props.put(name, value.get()), CommissionBenchmark.class);
        props.put("logging.level.root", "WARN");
        props.put("logging.structured.format.console", "");
        // system properties outrank application.yml (builder properties would only be defaults)
        props.forEach((name, value) -> System.setProperty(name, String.valueOf(value)));
        int exit = 0;
        ConfigurableApplicationContext context = null;
        try {
            context = new SpringApplicationBuilder(CommissionEngineApplication.class)
                    .web(WebApplicationType.NONE)
                    .run();
            run(context, orders);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            if (context != null) {
                context.close();
            }
            System.exit(exit); // the embedded broker's threads are not daemons
        }
    }

    private static void run(ConfigurableApplicationContext context, int orders) throws Exception {
        DataSource logical = context.getBean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(logical);
        MessagePublisher publisher = context.getBean(MessagePublisher.class);
        IdGenerator ids = context.getBean(IdGenerator.class);
        PhysicalDatabases physical = context.getBean(PhysicalDatabases.class);
        Random random = new Random(42);
        String run = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L);

        // buyers under 200 level-1 promoters under 20 level-2 promoters, written straight to the read model
        long base = 7_000_000_000L;
        List<Object[]> chains = new ArrayList<>();
        for (int p = 0; p < 200; p++) {
            chains.add(
                    new Object[] {base + 1_000 + p, base + (p % 20), null, Timestamp.from(PAID.minusSeconds(86_400))});
        }
        int buyers = 5_000;
        for (int b = 0; b < buyers; b++) {
            long l1 = base + 1_000 + (b % 200);
            chains.add(new Object[] {
                base + 100_000 + b, l1, base + ((b % 200) % 20), Timestamp.from(PAID.minusSeconds(3_600))
            });
        }
        jdbc.batchUpdate(
                "INSERT IGNORE INTO buyer_chain (user_id, inviter_id, inviter_l2_id, as_of) VALUES (?, ?, ?, ?)",
                chains);

        MeterRegistry meters = context.getBean(MeterRegistry.class);
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        double handled = 0;

        // warm-up: a few hundred events through the whole path first (JIT, pools, routes)
        List<Outgoing> warm = events("W" + run, 500, buyers, base, random);
        publisher.sendAll(Topics.ORDER_EVENTS, warm);
        handled += warm.size();
        waitFor(jdbc, meters, handled, "W" + run + "-%", 2L * warm.size(), 120);

        // 1. with the outbox relay publishing at the same time, as in production
        List<Outgoing> first = events("B" + run, orders, buyers, base, random);
        handled += first.size();
        Phase withRelay = pipeline(jdbc, physical, publisher, meters, first, handled, "B" + run);
        // 2. the relay stopped: published → records and outbox committed, nothing else competing
        relay.stop();
        List<Outgoing> second = events("N" + run, orders, buyers, base, random);
        handled += second.size();
        Phase withoutRelay = pipeline(jdbc, physical, publisher, meters, second, handled, "N" + run);
        String like = "B" + run + "-%";

        // raw: the rows of phase 1 again, new keys, plain JDBC batches through ShardingSphere (relay still stopped)
        List<Map<String, Object>> snapshotRows =
                jdbc.queryForList("SELECT * FROM order_snapshot WHERE order_id LIKE ?", like);
        List<Map<String, Object>> recordRows =
                jdbc.queryForList("SELECT * FROM commission_record WHERE order_id LIKE ?", like);
        List<Map<String, Object>> outboxFull = new ArrayList<>();
        for (String ds : physical.byName().keySet()) {
            outboxFull.addAll(new JdbcTemplate(physical.byName().get(ds))
                    .queryForList("SELECT * FROM outbox_event WHERE payload LIKE ?", "%\"B" + run + "-%"));
        }
        for (Map<String, Object> r : snapshotRows) {
            r.put("order_id", "R" + r.get("order_id"));
        }
        for (Map<String, Object> r : recordRows) {
            r.put("order_id", "R" + r.get("order_id"));
            r.put("id", ids.nextId());
        }
        for (Map<String, Object> r : outboxFull) {
            long id = ids.nextId();
            r.put("id", id);
            r.put("event_id", Long.toString(id));
            r.put("published_at", Timestamp.from(PAID)); // copies are never relayed
        }
        long rawStart = System.nanoTime();
        long rawRows = insertAll(logical, "order_snapshot", snapshotRows)
                + insertAll(logical, "commission_record", recordRows)
                + insertAll(logical, "outbox_event", outboxFull);
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

        double rawPerSecond = rawRows / rawSeconds;
        System.out.println();
        System.out.println(
                "commission-engine benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, " + orders
                        + " order-paid events per phase (1-3 items, both levels earning)");
        for (Phase p : List.of(withRelay, withoutRelay)) {
            System.out.printf(
                    Locale.ROOT,
                    "pipeline %-22s %.2f s end to end (sent in %.2f s) = %,.0f events/s = %,.0f rows/s"
                            + " (%,d snapshots + %,d records + %,d outbox rows); ratio to raw %.2f%n",
                    p == withRelay ? "(outbox relay running):" : "(outbox relay stopped):",
                    p.seconds(),
                    p.sendSeconds(),
                    orders / p.seconds(),
                    p.rows() / p.seconds(),
                    p.snapshots(),
                    p.records(),
                    p.outbox(),
                    (p.rows() / p.seconds()) / rawPerSecond);
        }
        System.out.printf(
                Locale.ROOT,
                "raw ShardingSphere batched insert of the same %,d rows (batches of 1000, 1 thread): %.2f s = %,.0f rows/s%n",
                rawRows,
                rawSeconds,
                rawPerSecond);
        DistributionSummary sizes = meters.find("order_events.batch_size").summary();
        if (sizes != null) {
            System.out.printf(Locale.ROOT, "combined batches: %d, mean %.0f events%n", sizes.count(), sizes.mean());
        }
        for (Timer t : meters.find("order_events.step").timers()) {
            System.out.printf(
                    Locale.ROOT,
                    "step %-10s mean %.1f ms, total %.1f s%n",
                    t.getId().getTag("step"),
                    t.mean(TimeUnit.MILLISECONDS),
                    t.totalTime(TimeUnit.SECONDS));
        }
    }

    /** Waits until the listener has handled the events, then until the records are all committed. */
    private static void waitFor(
            JdbcTemplate jdbc, MeterRegistry meters, double handled, String like, long records, int timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        // the counter is cheap to read; polling COUNT(*) over eight tables all the time would load the database
        while (System.nanoTime() < deadline
                && meters.counter("order_events.handled").count() < handled) {
            Thread.sleep(20);
        }
        while (System.nanoTime() < deadline) {
            if (count(jdbc, "SELECT COUNT(*) FROM commission_record WHERE order_id LIKE ?", like) >= records) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("timed out waiting for " + records + " records of " + like);
    }

    private static long count(JdbcTemplate jdbc, String sql, String like) {
        Long n = jdbc.queryForObject(sql, Long.class, like);
        return n == null ? 0 : n;
    }

    private static long insertAll(DataSource ds, String table, List<Map<String, Object>> rows) throws Exception {
        if (rows.isEmpty()) {
            return 0;
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int inBatch = 0;
                for (Map<String, Object> row : rows) {
                    for (int i = 0; i < columns.size(); i++) {
                        ps.setObject(i + 1, row.get(columns.get(i)));
                    }
                    ps.addBatch();
                    if (++inBatch == 1_000) {
                        ps.executeBatch();
                        c.commit();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        return rows.size();
    }

    record Phase(double seconds, double sendSeconds, long snapshots, long records, long outbox) {
        long rows() {
            return snapshots + records + outbox;
        }
    }

    private static Phase pipeline(
            JdbcTemplate jdbc,
            PhysicalDatabases physical,
            MessagePublisher publisher,
            MeterRegistry meters,
            List<Outgoing> events,
            double handledAfter,
            String prefix)
            throws Exception {
        String like = prefix + "-%";
        long start = System.nanoTime();
        for (int from = 0; from < events.size(); from += 100) {
            publisher.sendAll(Topics.ORDER_EVENTS, events.subList(from, Math.min(events.size(), from + 100)));
        }
        long sent = System.nanoTime();
        waitFor(jdbc, meters, handledAfter, like, 2L * events.size(), 600);
        long done = System.nanoTime();
        long outbox = 0;
        for (DataSource ds : physical.byName().values()) {
            Long n = new JdbcTemplate(ds)
                    .queryForObject(
                            "SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ?",
                            Long.class,
                            "%\"" + prefix + "-%");
            outbox += n == null ? 0 : n;
        }
        return new Phase(
                (done - start) / 1e9,
                (sent - start) / 1e9,
                count(jdbc, "SELECT COUNT(*) FROM order_snapshot WHERE order_id LIKE ?", like),
                count(jdbc, "SELECT COUNT(*) FROM commission_record WHERE order_id LIKE ?", like),
                outbox);
    }

    private static List<Outgoing> events(String prefix, int orders, int buyers, long base, Random random) {
        List<Outgoing> events = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            String orderId = prefix + "-" + i;
            long buyer = base + 100_000 + random.nextInt(buyers);
            StringBuilder items = new StringBuilder();
            int n = 1 + random.nextInt(3);
            for (int k = 1; k <= n; k++) {
                long paid = 1_000 + random.nextInt(100_000);
                items.append(k > 1 ? "," : "")
                        .append("{\"itemId\":\"%d\",\"productId\":\"P%d\",\"quantity\":1,\"paidFen\":%d,\"costFen\":%d}"
                                .formatted(k, random.nextInt(500), paid, paid / 2));
            }
            events.add(new Outgoing(
                    Topics.ORDER_EVENTS,
                    "PAID",
                    orderId,
                    "{\"eventId\":\"e-%s\",\"type\":\"PAID\",\"orderId\":\"%s\",\"orderNo\":\"SO%s\",\"buyerId\":%d,\"occurredAt\":\"%s\",\"items\":[%s]}"
                            .formatted(orderId, orderId, orderId, buyer, PAID, items)));
        }
        return events;
    }

    private CommissionBenchmark() {}
}
