package com.fenxiao.relation;

import com.fenxiao.relation.chain.adapter.redis.RedissonChainCache;
import com.fenxiao.relation.chain.application.LookUpChains;
import com.fenxiao.relation.member.application.LoginMember;
import com.fenxiao.relation.member.domain.Members;
import com.fenxiao.relation.relation.domain.BindChannel;
import com.fenxiao.testing.PlatformTestProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a measurement on the real stack (the machine's MariaDB and Redis, embedded RocketMQ),
 * in-process, through the application services. Reports registrations-with-binding per second and
 * chain look-up latency from the warm cache, beside a raw Redisson {@code RBucket.get} measured in the
 * same run, interleaved block by block so both see the same machine.
 *
 * <pre>
 * ./mvnw -q -pl relation-service test-compile exec:java \
 *     -Dexec.mainClass=com.fenxiao.relation.RelationBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * Optional system properties: {@code bench.registrations} (default 3000), {@code bench.threads} (4),
 * {@code bench.lookups} (20000).
 */
public final class RelationBenchmark {

    private RelationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int registrations = Integer.getInteger("bench.registrations", 3_000);
        int threads = Integer.getInteger("bench.threads", 4);
        int lookups = Integer.getInteger("bench.lookups", 20_000);

        Map<String, Object> props = new HashMap<>();
        PlatformTestProperties.register((name, value) -> props.put(name, value.get()), RelationBenchmark.class);
        props.put("platform.wechat.stand-in", "true");
        props.put("platform.relation.cache.key-prefix", "bench-" + UUID.randomUUID() + ":");
        props.put("platform.relation.risk.inviter-bindings", "1000000");
        props.put("platform.relation.risk.device-per-window", "1000000");
        props.put("platform.relation.risk.ip-per-window", "1000000");
        props.put("platform.datasource.pool-size", "16");
        props.put("logging.level.root", "WARN");
        props.put("logging.structured.format.console", "");

        // as command-line arguments: they outrank application.yml, as the test registry does
        String[] arguments = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        int exit = 0;
        ConfigurableApplicationContext context = null;
        try {
            context = new SpringApplicationBuilder(RelationApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(arguments);
            run(context, registrations, threads, lookups);
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

    private static void run(ConfigurableApplicationContext context, int registrations, int threads, int lookups)
            throws Exception {
        LoginMember login = context.getBean(LoginMember.class);
        Members members = context.getBean(Members.class);
        LookUpChains chains = context.getBean(LookUpChains.class);
        RedissonChainCache cache = context.getBean(RedissonChainCache.class);
        RedissonClient redisson = context.getBean(RedissonClient.class);

        // 20 promoters, each with an inviter of their own, so every new member gets two levels
        LoginMember.Result root = login.login(command(null));
        String rootCode = members.byId(root.userId()).orElseThrow().inviteCode();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LoginMember.Result promoter = login.login(command(rootCode));
            codes.add(members.byId(promoter.userId()).orElseThrow().inviteCode());
        }

        // the raw ceiling of this database in the same run: one-row INSERT transactions, same thread count
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_raw_tx (id BIGINT PRIMARY KEY, v VARCHAR(64))");
        double rawTx = rawTransactions(jdbc, 300, threads);
        rawTx = rawTransactions(jdbc, registrations, threads);

        // warm-up: JIT, pools, scripts
        registerAll(login, codes, 300, threads);
        long started = System.nanoTime();
        List<Long> ids = registerAll(login, codes, registrations, threads);
        double seconds = (System.nanoTime() - started) / 1e9;

        // warm the cache for every new member and its two levels
        for (int from = 0; from < ids.size(); from += 100) {
            chains.of(ids.subList(from, Math.min(ids.size(), from + 100)));
        }
        String rawKey = cache.keyOf(ids.get(0));
        RBucket<String> raw = redisson.getBucket(rawKey, StringCodec.INSTANCE);
        for (int i = 0; i < 2_000; i++) {
            raw.get();
            chains.of(List.of(ids.get(i % ids.size())));
        }

        long[] chainNanos = new long[lookups];
        long[] rawNanos = new long[lookups];
        long[] batchNanos = new long[lookups / 100];
        int block = 1_000;
        for (int done = 0; done < lookups; done += block) {
            for (int i = done; i < Math.min(lookups, done + block); i++) {
                long t = System.nanoTime();
                raw.get();
                rawNanos[i] = System.nanoTime() - t;
            }
            for (int i = done; i < Math.min(lookups, done + block); i++) {
                List<Long> one = List.of(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                long t = System.nanoTime();
                chains.of(one);
                chainNanos[i] = System.nanoTime() - t;
            }
        }
        for (int i = 0; i < batchNanos.length; i++) {
            int from = ThreadLocalRandom.current().nextInt(ids.size() - 100);
            List<Long> hundred = ids.subList(from, from + 100);
            long t = System.nanoTime();
            chains.of(hundred);
            batchNanos[i] = System.nanoTime() - t;
        }

        System.out.println();
        System.out.println("relation-service benchmark (" + threads + " threads, "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.printf(
                Locale.ROOT,
                "registrations with binding: %d in %.2f s = %.0f /s%n",
                registrations,
                seconds,
                registrations / seconds);
        System.out.printf(
                Locale.ROOT,
                "raw one-row INSERT transactions, same run:   %.0f /s  (registrations reach %.0f%% of it)%n",
                rawTx,
                100 * registrations / seconds / rawTx);
        System.out.printf(
                Locale.ROOT,
                "chain look-up, 1 buyer, warm cache (2 round trips): p50 %s  p99 %s%n",
                micros(chainNanos, 50),
                micros(chainNanos, 99));
        System.out.printf(
                Locale.ROOT,
                "raw Redisson RBucket.get, same run:               p50 %s  p99 %s%n",
                micros(rawNanos, 50),
                micros(rawNanos, 99));
        System.out.printf(
                Locale.ROOT,
                "ratio chain/raw: p50 %.1fx  p99 %.1fx%n",
                percentile(chainNanos, 50) / (double) percentile(rawNanos, 50),
                percentile(chainNanos, 99) / (double) percentile(rawNanos, 99));
        System.out.printf(
                Locale.ROOT,
                "chain look-up, 100 buyers, warm cache:            p50 %s  p99 %s%n",
                micros(batchNanos, 50),
                micros(batchNanos, 99));
    }

    private static final java.util.concurrent.atomic.AtomicLong RAW_IDS = new java.util.concurrent.atomic.AtomicLong(
            ThreadLocalRandom.current().nextLong(1L << 40));

    private static double rawTransactions(JdbcTemplate jdbc, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() ->
                        jdbc.update("INSERT INTO bench_raw_tx (id, v) VALUES (?, ?)", RAW_IDS.incrementAndGet(), "x")));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return count / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static List<Long> registerAll(LoginMember login, List<String> codes, int count, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String code = codes.get(i % codes.size());
                futures.add(pool.submit(() -> {
                    LoginMember.Result r = login.login(command(code));
                    if (!r.bound()) {
                        throw new IllegalStateException("not bound: " + r.refusal());
                    }
                    return r.userId();
                }));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : futures) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    private static LoginMember.Command command(String inviteCode) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new LoginMember.Command(
                "bench-" + UUID.randomUUID(),
                inviteCode,
                BindChannel.LINK,
                "dev-" + UUID.randomUUID(),
                RelationTestSupport.AGREEMENT_VERSION,
                "会员" + r.nextInt(100_000),
                "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255));
    }

    private static long percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String micros(long[] nanos, int p) {
        return String.format(Locale.ROOT, "%6.0f µs", percentile(nanos, p) / 1_000.0);
    }
}
