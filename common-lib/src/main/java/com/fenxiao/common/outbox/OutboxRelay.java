package com.fenxiao.common.outbox;

import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.common.persistence.PhysicalDatabases;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Publishes committed outbox rows, one worker per physical database. Several instances may run:
 * a worker first claims a batch with a lease (a conditional UPDATE), sends it, then marks it
 * published, so no transaction is open while the broker is called. A crash between send and mark
 * republishes the batch after the lease expires; consumers dedupe by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final PhysicalDatabases databases;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final int batchSize;
    private final long idleMillis;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter published;
    private final Counter failures;
    private ExecutorService workers;

    public OutboxRelay(
            PhysicalDatabases databases,
            MessagePublisher publisher,
            Clock clock,
            int batchSize,
            long idleMillis,
            MeterRegistry meters) {
        this.databases = databases;
        this.publisher = publisher;
        this.clock = clock;
        this.batchSize = batchSize;
        this.idleMillis = idleMillis;
        this.published = Counter.builder("outbox.published").register(meters);
        this.failures = Counter.builder("outbox.failures").register(meters);
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        workers = Executors.newFixedThreadPool(databases.count(), r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        databases.byName().forEach((name, ds) -> workers.submit(() -> loop(name, ds)));
    }

    @Override
    public void stop() {
        running.set(false);
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Stop the relay before the data sources and after the web server. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private void loop(String name, DataSource ds) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        while (running.get()) {
            try {
                int sent = relayOnce(jdbc);
                if (sent < batchSize) {
                    Thread.sleep(idleMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | MessagePublisher.PublishException e) {
                failures.increment();
                log.warn("outbox relay on {} failed, retrying: {}", name, e.getMessage());
                sleepQuietly(Math.max(idleMillis, 1_000));
            }
        }
    }

    /** Claims, sends and marks one batch of one database; returns how many were published. */
    public int relayOnce(JdbcTemplate jdbc) throws MessagePublisher.PublishException {
        Instant now = clock.instant();
        // a plain (non-locking) read finds candidates; the claim then locks exactly those rows by primary
        // key, so no range or gap lock ever blocks the business transactions inserting new outbox rows
        List<Long> candidates = jdbc.queryForList(
                "SELECT id FROM outbox_event WHERE published_at IS NULL"
                        + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id LIMIT ?",
                Long.class,
                Timestamp.from(now),
                batchSize);
        if (candidates.isEmpty()) {
            return 0;
        }
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        int claimed = named.update(
                "UPDATE outbox_event SET claimed_by = :owner, claimed_until = :until, attempts = attempts + 1"
                        + " WHERE id IN (:ids) AND published_at IS NULL AND (claimed_until IS NULL OR claimed_until < :now)",
                Map.of(
                        "owner",
                        owner,
                        "until",
                        Timestamp.from(now.plus(LEASE)),
                        "ids",
                        candidates,
                        "now",
                        Timestamp.from(now)));
        if (claimed == 0) {
            return 0; // another relay took them
        }
        List<Row> rows = named.query(
                "SELECT id, topic, tag, msg_key, payload FROM outbox_event"
                        + " WHERE id IN (:ids) AND claimed_by = :owner AND published_at IS NULL ORDER BY id",
                Map.of("ids", candidates, "owner", owner),
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        Map<String, List<Outgoing>> byTopic = new LinkedHashMap<>();
        for (Row r : rows) {
            byTopic.computeIfAbsent(r.topic(), t -> new ArrayList<>())
                    .add(new Outgoing(r.topic(), r.tag(), r.key(), r.payload()));
        }
        for (Map.Entry<String, List<Outgoing>> e : byTopic.entrySet()) {
            publisher.sendAll(e.getKey(), e.getValue());
        }
        named.update(
                "UPDATE outbox_event SET published_at = :now, claimed_by = NULL WHERE id IN (:ids)",
                Map.of(
                        "now",
                        Timestamp.from(clock.instant()),
                        "ids",
                        rows.stream().map(Row::id).toList()));
        published.increment(rows.size());
        return rows.size();
    }

    private record Row(long id, String topic, String tag, String key, String payload) {}

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
