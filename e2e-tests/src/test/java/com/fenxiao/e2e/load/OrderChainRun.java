package com.fenxiao.e2e.load;

import com.fenxiao.common.event.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * The order chain end to end (issue 14): three invite chains A→B→C; N PAID orders of the C members
 * published straight to {@code ORDER_EVENTS} (as the order system does), timed until every promoter's
 * wallet, read through the gateway, shows exactly the pending sum an independent computation expects
 * (SPEC §4: per item {@code floor(paid × rate / 10000)}, level 1 800 bp, level 2 300 bp); then COMPLETED
 * for every order, timed until the same wallets show it all available (after the after-sales window).
 * Around each phase it reads the CPU time of every process (client, gateway, services, broker, MariaDB,
 * Redis) and prints CPU ms per order per process. In the same run it measures the raw ceiling the issue
 * compares against: MariaDB batched inserts (batch 1,000, commit per batch) on the platform's server.
 */
final class OrderChainRun {

    static final int LEVEL1_BP = 800;
    static final int LEVEL2_BP = 300;
    private static final Pattern FEN = Pattern.compile("\"(pendingFen|availableFen)\"\\s*:\\s*(-?\\d+)");

    private final LoadBenchmark bench;
    private final String namesrv;
    private final int orders;
    private final int chains;
    private final int batch;
    private final Duration timeout;

    OrderChainRun(LoadBenchmark bench, String namesrv) {
        this.bench = bench;
        this.namesrv = namesrv;
        this.orders = Integer.getInteger("load.chain-orders", 100_000);
        this.chains = Integer.getInteger("load.chain-count", 3);
        this.batch = Integer.getInteger("load.chain-publish-batch", 100);
        this.timeout = Duration.ofSeconds(Long.getLong("load.chain-timeout-seconds", 7200));
    }

    /** A promoter whose wallet is watched, with the fen it must reach. */
    record Watched(String name, String token, long[] expectedFen) {}

    record Phase(String name, int orders, double publishSeconds, double seconds, Map<String, Double> cpuSeconds) {
        double ordersPerSecond() {
            return orders / seconds;
        }
    }

    record Result(int orders, int chains, Phase paid, Phase completed, double rawInsertRowsPerSecond) {}

    Result run() throws Exception {
        LoadBenchmark.say("order chain: " + chains + " chains A→B→C, " + orders + " orders");
        List<LoadBenchmark.Member[]> abc = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            String tag = "oc" + c;
            LoadBenchmark.Member a = bench.login(tag + "a", null);
            LoadBenchmark.Member b = bench.login(tag + "b", a.inviteCode());
            LoadBenchmark.Member cc = bench.login(tag + "c", b.inviteCode());
            abc.add(new LoadBenchmark.Member[] {a, b, cc});
        }
        double raw = rawInsertRowsPerSecond();
        LoadBenchmark.say(String.format(Locale.ROOT, "raw MariaDB batched insert: %,.0f rows/s", raw));

        // the events and what each wallet must show: B gets level 1, A level 2 of every order of C
        SplittableRandom random = new SplittableRandom(20261204L);
        List<String> paid = new ArrayList<>(orders);
        List<String> completed = new ArrayList<>(orders);
        long[] level1 = new long[chains];
        long[] level2 = new long[chains];
        String prefix = "OC" + bench.run + "-";
        for (int i = 0; i < orders; i++) {
            int chain = i % chains;
            String orderId = prefix + i;
            int items = 1 + random.nextInt(3);
            long[] itemFen = new long[items];
            for (int k = 0; k < items; k++) {
                itemFen[k] = 1000 + random.nextInt(20_000);
                level1[chain] += itemFen[k] * LEVEL1_BP / 10_000;
                level2[chain] += itemFen[k] * LEVEL2_BP / 10_000;
            }
            paid.add(paidJson(orderId, abc.get(chain)[2].userId(), itemFen, random));
            completed.add(LoadBenchmark.completed(orderId));
        }
        List<Watched> watched = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            watched.add(new Watched("B" + c, abc.get(c)[1].token(), new long[] {level1[c]}));
            watched.add(new Watched("A" + c, abc.get(c)[0].token(), new long[] {level2[c]}));
        }

        DefaultMQProducer producer = new DefaultMQProducer("load-order-system-" + bench.run);
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("load-chain-" + bench.run);
        producer.setSendMsgTimeout(10_000);
        producer.start();
        try {
            Phase p = phase("PAID → pending", "PAID", paid, producer, watched, true);
            Phase c = phase("COMPLETED → available", "COMPLETED", completed, producer, watched, false);
            return new Result(orders, chains, p, c, raw);
        } finally {
            producer.shutdown();
        }
    }

    private Phase phase(
            String name,
            String tag,
            List<String> events,
            DefaultMQProducer producer,
            List<Watched> watched,
            boolean pending)
            throws Exception {
        LoadBenchmark.say("phase " + name + ": publishing " + events.size() + " " + tag + " events");
        CpuShares.Snapshot before = CpuShares.take();
        long t0 = System.nanoTime();
        for (int from = 0; from < events.size(); from += batch) {
            List<Message> messages = new ArrayList<>(batch);
            for (String json : events.subList(from, Math.min(events.size(), from + batch))) {
                Message m =
                        new Message(Topics.ORDER_EVENTS, tag, orderIdOf(json), json.getBytes(StandardCharsets.UTF_8));
                messages.add(m);
            }
            send(producer, messages);
        }
        double published = (System.nanoTime() - t0) / 1e9;
        LoadBenchmark.say(String.format(Locale.ROOT, "published in %.1f s; waiting for the wallets", published));
        long deadline = t0 + timeout.toNanos();
        long lastSay = 0;
        while (true) {
            StringBuilder state = new StringBuilder();
            boolean all = true;
            for (Watched w : watched) {
                long[] fen = wallet(w.token());
                long want = w.expectedFen()[0];
                boolean done = pending ? fen[0] == want : fen[1] == want && fen[0] == 0;
                all &= done;
                state.append(String.format(Locale.ROOT, " %s %d/%d", w.name(), pending ? fen[0] : fen[1], want));
            }
            if (all) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("phase " + name + " did not finish within " + timeout + ":" + state);
            }
            if (System.nanoTime() - lastSay > 10_000_000_000L) {
                LoadBenchmark.say(
                        String.format(Locale.ROOT, "%.0f s:%s", (System.nanoTime() - t0) / 1e9, state.toString()));
                lastSay = System.nanoTime();
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> cpu = CpuShares.secondsBetween(before, CpuShares.take());
        Phase phase = new Phase(name, events.size(), published, seconds, cpu);
        LoadBenchmark.say(String.format(
                Locale.ROOT,
                "phase %s: %.1f s, %.0f orders/s; %s",
                name,
                seconds,
                phase.ordersPerSecond(),
                cpuLine(phase)));
        return phase;
    }

    static String cpuLine(Phase p) {
        StringBuilder b = new StringBuilder("CPU ms per order:");
        double all = 0;
        for (Map.Entry<String, Double> e : p.cpuSeconds().entrySet()) {
            all += e.getValue();
        }
        b.append(String.format(Locale.ROOT, " all %.2f;", all * 1000 / p.orders()));
        for (Map.Entry<String, Double> e : p.cpuSeconds().entrySet()) {
            if (e.getValue() * 1000 / p.orders() >= 0.01) {
                b.append(String.format(Locale.ROOT, " %s %.2f,", e.getKey(), e.getValue() * 1000 / p.orders()));
            }
        }
        return b.substring(0, b.length() - 1);
    }

    /** The markdown lines of the result. */
    static String table(Result r) {
        StringBuilder b = new StringBuilder("## Order chain\n\n");
        b.append(String.format(
                Locale.ROOT,
                "%d orders of %d chains A→B→C published to ORDER_EVENTS; raw MariaDB batched insert in the same"
                        + " run: %,.0f rows/s%n%n",
                r.orders(),
                r.chains(),
                r.rawInsertRowsPerSecond()));
        b.append("| phase | publish s | until wallets show it s | orders/s | commission rows/s | rows/s ÷ raw"
                + " insert rows/s | CPU ms per order, all processes | largest |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Phase p : List.of(r.paid(), r.completed())) {
            double all = p.cpuSeconds().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            String largest = p.cpuSeconds().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(4)
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() * 1000 / p.orders()))
                    .reduce((x, y) -> x + ", " + y)
                    .orElse("");
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.0f | %.0f | %.4f | %.2f | %s |%n",
                    p.name(),
                    p.publishSeconds(),
                    p.seconds(),
                    p.ordersPerSecond(),
                    2 * p.ordersPerSecond(),
                    2 * p.ordersPerSecond() / r.rawInsertRowsPerSecond(),
                    all * 1000 / p.orders(),
                    largest));
        }
        return b.toString();
    }

    private long[] wallet(String token) throws Exception {
        HttpResponse<String> r = bench.get("/api/v1/me/wallet", token);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/me/wallet answered " + r.statusCode() + ": " + r.body());
        }
        long[] out = new long[2];
        Matcher m = FEN.matcher(r.body());
        while (m.find()) {
            out["pendingFen".equals(m.group(1)) ? 0 : 1] = Long.parseLong(m.group(2));
        }
        return out;
    }

    private static void send(DefaultMQProducer producer, List<Message> messages) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                SendResult r = producer.send(messages);
                if (r.getSendStatus() == SendStatus.SEND_OK) {
                    return;
                }
            } catch (Exception e) {
                if (attempt > 100) {
                    throw new IllegalStateException("the broker refused a batch 100 times: " + e, e);
                }
            }
            Thread.sleep(200);
        }
    }

    private static String orderIdOf(String json) {
        int i = json.indexOf("\"orderId\":\"") + 11;
        return json.substring(i, json.indexOf('"', i));
    }

    private static String paidJson(String orderId, String buyerId, long[] itemFen, SplittableRandom random) {
        StringBuilder b = new StringBuilder("{\"type\":\"PAID\",\"eventId\":\"paid-")
                .append(orderId)
                .append("\",\"orderId\":\"")
                .append(orderId)
                .append("\",\"orderNo\":\"SO-")
                .append(orderId)
                .append("\",\"buyerId\":")
                .append(buyerId)
                .append(",\"occurredAt\":\"")
                .append(Instant.now())
                .append("\",\"items\":[");
        for (int i = 0; i < itemFen.length; i++) {
            b.append(i > 0 ? "," : "")
                    .append("{\"itemId\":\"")
                    .append(i + 1)
                    .append("\",\"productId\":\"OC-P")
                    .append(random.nextInt(20))
                    .append("\",\"quantity\":1,\"paidFen\":")
                    .append(itemFen[i])
                    .append(",\"costFen\":")
                    .append(itemFen[i] / 2)
                    .append('}');
        }
        return b.append("]}").toString();
    }

    /** STACK.md's raw ceiling: JDBC batched inserts of 1,000 rows, a commit per batch, one thread, ~200,000 rows. */
    private double rawInsertRowsPerSecond() throws SQLException {
        int rows = Integer.getInteger("load.chain-raw-rows", 200_000);
        try (Connection c = DriverManager.getConnection(
                        RawCeilings.jdbcUrl(bench.mysql), bench.mysqlUser, bench.mysqlPassword);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS fx_loadbench");
            s.execute("DROP TABLE IF EXISTS fx_loadbench.raw_insert");
            s.execute("CREATE TABLE fx_loadbench.raw_insert (id BIGINT PRIMARY KEY, promoter_id BIGINT NOT NULL,"
                    + " order_id VARCHAR(64) NOT NULL, amount_fen BIGINT NOT NULL, created_at DATETIME(3) NOT NULL)");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO fx_loadbench.raw_insert"
                    + " (id, promoter_id, order_id, amount_fen, created_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setLong(1, i);
                    ps.setLong(2, i % 7);
                    ps.setString(3, "raw-" + i);
                    ps.setLong(4, i % 1000);
                    ps.setTimestamp(5, now);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            s.execute("DROP TABLE fx_loadbench.raw_insert");
            return rows / seconds;
        }
    }

    static Map<String, Double> sortedByValue(Map<String, Double> in) {
        Map<String, Double> out = new LinkedHashMap<>();
        in.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
