package com.fenxiao.settlement;

import com.fenxiao.common.outbox.OutboxRelay;
import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.common.persistence.ShardRouting;
import com.fenxiao.settlement.release.application.ReleaseJob;
import com.fenxiao.testing.PlatformTestProperties;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark run by hand (settlement-service README). Starts the service in-process (no web
 * server) against the machine's MariaDB, Redis and an embedded RocketMQ broker in this JVM, then
 * <ol>
 *   <li><b>release</b>: seeds N due commissions over 10,000 promoters (all shards), and times
 *       {@link ReleaseJob#runAll} until every one is AVAILABLE with its settled event written to the outbox
 *       of its database (the outbox relay stopped, so nothing else competes: publishing is measured by the
 *       commission benchmark and STACK.md); heap use is sampled every 100 ms during the run;
 *   <li><b>raw</b>: seeds N more, reads their ids per physical table beforehand, and times plain
 *       {@code UPDATE … SET status = 'AVAILABLE' … WHERE id IN (1,000 ids)} on the same tables, one commit per
 *       statement, with one thread (as STACK.md's 327k rows/s) and with the job's thread count.
 * </ol>
 * System properties: {@code bench.commissions} (1000000), {@code bench.threads} (2), {@code bench.batch}
 * (1000).
 */
public final class ReleaseBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.commissions", 1_000_000);
        int threads = Integer.getInteger("bench.threads", 2);
        int batch = Integer.getInteger("bench.batch", 1000);
        Map<String, Object> props = new HashMap<>();
        PlatformTestProperties.register((name, value) -> props.put(name, value.get()), ReleaseBenchmark.class);
        props.put("logging.level.root", "WARN");
        props.put("logging.structured.format.console", "");
        props.put("platform.settlement.release.enabled", "false");
        props.put("platform.settlement.release.threads", Integer.toString(threads));
        props.put("platform.settlement.release.batch-size", Integer.toString(batch));
        props.forEach((name, value) -> System.setProperty(name, String.valueOf(value)));
        int exit = 0;
        ConfigurableApplicationContext context = null;
        try {
            context = new SpringApplicationBuilder(SettlementApplication.class)
                    .web(WebApplicationType.NONE)
                    .run();
            run(context, n, threads);
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

    private static void run(ConfigurableApplicationContext context, int n, int threads) throws Exception {
        context.getBean(OutboxRelay.class).stop();
        PhysicalDatabases physical = context.getBean(PhysicalDatabases.class);
        ReleaseJob job = context.getBean(ReleaseJob.class);
        int tables = physical.tablesPerDatabase();
        int dbs = physical.count();

        // 1. the release job
        long t = System.nanoTime();
        seed(physical, 1_000_000_000L, n, dbs, tables);
        System.out.printf("seeded %,d due commissions in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
        HeapSampler heap = new HeapSampler();
        heap.start();
        long start = System.nanoTime();
        List<ReleaseJob.ShardResult> results = job.runAll("BENCHMARK");
        double releaseSeconds = (System.nanoTime() - start) / 1e9;
        heap.stop();
        long released =
                results.stream().mapToLong(ReleaseJob.ShardResult::released).sum();
        long events = countSettledEvents(physical);
        if (released != n || events != n) {
            throw new IllegalStateException("released " + released + ", settled events " + events + ", expected " + n);
        }

        // 2. raw batched UPDATE … WHERE id IN on the same tables
        seed(physical, 3_000_000_000L, n, dbs, tables);
        Map<String, List<long[]>> idBatches = idBatches(physical, tables, 1000);
        double raw1 = rawUpdates(physical, idBatches, 1);
        resetRaw(physical, tables);
        double rawN = rawUpdates(physical, idBatches, threads);

        double rate = n / releaseSeconds;
        System.out.printf(
                "%nrelease job: %,d commissions released (with %,d settled events written) in %.1f s = %,.0f/s"
                        + " (%d threads, batches of %d)%n",
                n,
                events,
                releaseSeconds,
                rate,
                threads,
                context.getEnvironment().getProperty("platform.settlement.release.batch-size", Integer.class));
        System.out.printf(
                "heap used during the run: min %,d MiB, max %,d MiB (sampled every 100 ms; -Xmx %,d MiB);"
                        + " largest old generation after a collection: %,d MiB%n",
                heap.min.get() >> 20,
                heap.max.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                heap.oldAfterGc.get() >> 20);
        System.out.printf(
                "raw UPDATE … WHERE id IN (1000 ids), 1 thread: %,.0f rows/s -> ratio %.2f%n", raw1, rate / raw1);
        System.out.printf(
                "raw UPDATE … WHERE id IN (1000 ids), %d threads: %,.0f rows/s -> ratio %.2f%n",
                threads, rawN, rate / rawN);
    }

    /** Rows go straight into their physical tables, 1,000 per statement. */
    private static void seed(PhysicalDatabases physical, long firstId, int n, int dbs, int tables) {
        List<DataSource> sources = new ArrayList<>(physical.byName().values());
        Map<Integer, List<Object[]>> bySlot = new HashMap<>();
        Timestamp at = Timestamp.from(NOW.minusSeconds(3600));
        long due = NOW.minusSeconds(60).toEpochMilli();
        for (long i = 0; i < n; i++) {
            long id = firstId + i;
            long promoter = 10_000_000L + (i % 10_000);
            int slot = ShardRouting.slot(promoter, dbs, tables);
            List<Object[]> rows = bySlot.computeIfAbsent(slot, s -> new ArrayList<>());
            rows.add(new Object[] {id, promoter, "B" + id, 1_592L, "{\"P1\":1592}", at, at, due, at, at});
            if (rows.size() == 1000) {
                insert(sources.get(slot / tables), slot % tables, rows);
                rows.clear();
            }
        }
        bySlot.forEach((slot, rows) -> {
            if (!rows.isEmpty()) {
                insert(sources.get(slot / tables), slot % tables, rows);
            }
        });
    }

    private static void insert(DataSource ds, int table, List<Object[]> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO settlement_commission_" + table
                + " (id, promoter_id, order_id, level, known, status, amount_fen, products, paid_at, completed_at,"
                + " due_at_ms, source_version, created_at, updated_at) VALUES ");
        List<Object> args = new ArrayList<>(rows.size() * 10);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?, ?, ?, 1, 1, 'PENDING', ?, ?, ?, ?, ?, 2, ?, ?)");
            for (Object v : rows.get(i)) {
                args.add(v);
            }
        }
        new JdbcTemplate(ds).update(sql.toString(), args.toArray());
    }

    private static long countSettledEvents(PhysicalDatabases physical) {
        long total = 0;
        for (DataSource ds : physical.byName().values()) {
            Long c = new JdbcTemplate(ds)
                    .queryForObject("SELECT COUNT(*) FROM outbox_event WHERE tag = 'COMMISSION_SETTLED'", Long.class);
            total += c == null ? 0 : c;
        }
        return total;
    }

    /** Per "database/table", the pending ids in batches, read before the clock starts. */
    private static Map<String, List<long[]>> idBatches(PhysicalDatabases physical, int tables, int size) {
        Map<String, List<long[]>> out = new HashMap<>();
        physical.byName().forEach((name, ds) -> {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            for (int t = 0; t < tables; t++) {
                List<Long> ids = jdbc.queryForList(
                        "SELECT id FROM settlement_commission_" + t + " WHERE status = 'PENDING' ORDER BY id",
                        Long.class);
                List<long[]> batches = new ArrayList<>();
                for (int from = 0; from < ids.size(); from += size) {
                    batches.add(ids.subList(from, Math.min(ids.size(), from + size)).stream()
                            .mapToLong(Long::longValue)
                            .toArray());
                }
                out.put(name + "/" + t, batches);
            }
        });
        return out;
    }

    private static double rawUpdates(PhysicalDatabases physical, Map<String, List<long[]>> idBatches, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong rows = new AtomicLong();
        Timestamp at = Timestamp.from(NOW);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (Map.Entry<String, List<long[]>> e : idBatches.entrySet()) {
            String[] parts = e.getKey().split("/");
            DataSource ds = physical.byName().get(parts[0]);
            String table = "settlement_commission_" + parts[1];
            futures.add(pool.submit(() -> {
                JdbcTemplate jdbc = new JdbcTemplate(ds);
                for (long[] ids : e.getValue()) {
                    StringBuilder sql = new StringBuilder("UPDATE " + table
                            + " SET status = 'AVAILABLE', settled_fen = amount_fen, released_at = ?, updated_at = ?"
                            + " WHERE id IN (");
                    Object[] args = new Object[ids.length + 2];
                    args[0] = at;
                    args[1] = at;
                    for (int i = 0; i < ids.length; i++) {
                        sql.append(i == 0 ? "?" : ",?");
                        args[i + 2] = ids[i];
                    }
                    rows.addAndGet(jdbc.update(sql.append(")").toString(), args));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return rows.get() / seconds;
    }

    private static void resetRaw(PhysicalDatabases physical, int tables) {
        physical.byName().values().forEach(ds -> {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            for (int t = 0; t < tables; t++) {
                jdbc.update("UPDATE settlement_commission_" + t + " SET status = 'PENDING' WHERE id >= 3000000000");
            }
        });
    }

    private static final class HeapSampler {
        final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong max = new AtomicLong();
        /** What survives collections: flat when nothing accumulates, however many rows pass through. */
        final AtomicLong oldAfterGc = new AtomicLong();

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    long used = memory.getHeapMemoryUsage().getUsed();
                    min.accumulateAndGet(used, Math::min);
                    max.accumulateAndGet(used, Math::max);
                    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                        if (pool.getName().contains("Old") && pool.getCollectionUsage() != null) {
                            oldAfterGc.accumulateAndGet(
                                    pool.getCollectionUsage().getUsed(), Math::max);
                        }
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
