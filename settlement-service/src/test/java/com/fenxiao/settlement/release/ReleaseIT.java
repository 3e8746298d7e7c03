package com.fenxiao.settlement.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.commission.v1.CommissionAdjusted;
import com.fenxiao.common.event.commission.v1.CommissionCancelled;
import com.fenxiao.common.event.commission.v1.CommissionCompleted;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.commission.v1.CommissionOrigin;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.ProductShare;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalPaid;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.settlement.SettlementProperties;
import com.fenxiao.settlement.SettlementTestSupport;
import com.fenxiao.settlement.release.application.ReleaseJob;
import com.fenxiao.settlement.release.domain.ReleaseBatches;
import com.fenxiao.settlement.release.domain.ReleaseRuns;
import com.fenxiao.settlement.release.domain.ReleaseShard;
import com.fenxiao.settlement.release.domain.ShardLocks;
import com.fenxiao.testing.PlatformTestProperties;
import com.fenxiao.testing.TestClock;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.testing.TopicWatcher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
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
 * Issue 5 on the real stack (MariaDB behind ShardingSphere, Redis locks, RocketMQ) with the test clock:
 * the window boundary to the second, refunds before and after release, held commissions, two instances
 * at once, and an instance dying in the middle of a batch.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettlementTestSupport.MovableClock.class)
class ReleaseIT {

    private static final long BASE = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1000;
    private static final Instant T0 = SettlementTestSupport.T0;
    private static TopicWatcher commissionEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, ReleaseIT.class);
        registry.add("platform.settlement.release.enabled", () -> "false");
        registry.add("platform.settlement.release.batch-size", () -> "200");
        registry.add("platform.settlement.product-windows.LONG", () -> "P30D");
    }

    @Autowired
    TestClock clock;

    @Autowired
    ReleaseJob job;

    @Autowired
    ReleaseBatches batches;

    @Autowired
    ShardLocks locks;

    @Autowired
    ReleaseRuns runs;

    @Autowired
    SettlementProperties properties;

    @Autowired
    MessagePublisher publisher;

    @Autowired
    EventCodec codec;

    @Autowired
    DataSource dataSource;

    @Autowired
    PhysicalDatabases physical;

    @Autowired
    TestRestTemplate http;

    @Value("${platform.datasource.name}")
    String databaseName;

    @Value("${spring.data.redis.host}")
    String redisHost;

    @Value("${spring.data.redis.port}")
    int redisPort;

    @BeforeAll
    static void watch() {
        commissionEvents = TopicWatcher.watch(Topics.COMMISSION_EVENTS);
    }

    @AfterAll
    static void stopWatching() {
        commissionEvents.close();
    }

    // --- the window, refunds before and after release ---

    @Test
    void nothing_releases_a_second_before_the_window_closes_and_the_longest_product_window_counts() throws Exception {
        clock.set(T0);
        long id = BASE + 1, promoter = BASE + 101;
        long longId = BASE + 2;
        publish(created(id, promoter, 1_592, Map.of("P1", 1_592L), false));
        publish(new CommissionCompleted(id, "O" + id, promoter, T0, List.of("P1"), 2));
        publish(created(longId, promoter, 900, Map.of("P1", 500L, "LONG", 400L), false));
        publish(new CommissionCompleted(longId, "O" + longId, promoter, T0, List.of("P1", "LONG"), 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> dueOf(id) != null && dueOf(longId) != null);
        Instant due = T0.plus(Duration.ofDays(7));
        assertThat(dueOf(id)).isEqualTo(due.toEpochMilli());
        assertThat(dueOf(longId)).isEqualTo(T0.plus(Duration.ofDays(30)).toEpochMilli());

        clock.set(due.minusSeconds(1));
        job.runAll("TEST");
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(outboxCount("settled-" + id)).isZero();

        clock.set(due);
        job.runAll("TEST");
        assertThat(status(id)).isEqualTo("AVAILABLE");
        assertThat(status(longId)).isEqualTo("PENDING");
        assertThat(outboxCount("settled-" + id)).isEqualTo(1);
        JsonNode settled = awaitEvent("COMMISSION_SETTLED", id);
        assertThat(settled.get("payload").get("amountFen").asLong()).isEqualTo(1_592);
        assertThat(settled.get("payload").get("held").asBoolean()).isFalse();
        assertThat(Instant.parse(settled.get("payload").get("windowClosedAt").asText()))
                .isEqualTo(due);

        // running again changes nothing
        job.runAll("TEST");
        assertThat(outboxCount("settled-" + id)).isEqualTo(1);
    }

    @Test
    void a_refund_inside_the_window_reduces_or_cancels_before_release() throws Exception {
        clock.set(T0);
        long reduced = BASE + 11, cancelled = BASE + 12, promoter = BASE + 111;
        publish(created(reduced, promoter, 1_000, Map.of("P1", 1_000L), false));
        publish(new CommissionCompleted(reduced, "O" + reduced, promoter, T0, List.of("P1"), 2));
        publish(adjusted(reduced, promoter, 600, "R1", 3));
        publish(created(cancelled, promoter, 800, Map.of("P1", 800L), false));
        publish(new CommissionCompleted(cancelled, "O" + cancelled, promoter, T0, List.of("P1"), 2));
        publish(new CommissionCancelled(
                cancelled, "O" + cancelled, promoter, 800, "full refund", T0, "R2", 3, CommissionOrigin.ENGINE));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> amount(reduced) == 600 && dueOf(reduced) != null && "CANCELLED".equals(status(cancelled)));

        clock.set(T0.plus(Duration.ofDays(7)));
        job.runAll("TEST");

        assertThat(status(reduced)).isEqualTo("AVAILABLE");
        assertThat(awaitEvent("COMMISSION_SETTLED", reduced)
                        .get("payload")
                        .get("amountFen")
                        .asLong())
                .isEqualTo(600);
        assertThat(status(cancelled)).isEqualTo("CANCELLED");
        assertThat(outboxCount("settled-" + cancelled)).isZero();
    }

    @Test
    void a_refund_after_release_reverses_once_whoever_learned_of_it_first() throws Exception {
        clock.set(T0);
        long unaware = BASE + 21, aware = BASE + 22, promoter = BASE + 121;
        for (long id : List.of(unaware, aware)) {
            publish(created(id, promoter, 1_000, Map.of("P1", 1_000L), false));
            publish(new CommissionCompleted(id, "O" + id, promoter, T0, List.of("P1"), 2));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> dueOf(unaware) != null && dueOf(aware) != null);
        clock.set(T0.plus(Duration.ofDays(7)));
        job.runAll("TEST");
        assertThat(status(unaware)).isEqualTo("AVAILABLE");
        assertThat(status(aware)).isEqualTo("AVAILABLE");

        // the engine had not heard of the release yet: it applied the refund as to a pending commission
        publish(adjusted(unaware, promoter, 400, "R1", 3));
        publish(adjusted(unaware, promoter, 400, "R1", 3)); // redelivered under another event id
        await().atMost(Duration.ofSeconds(60)).until(() -> reversed(unaware) == 600);
        JsonNode reversal = awaitEvent("COMMISSION_REVERSED", unaware);
        assertThat(reversal.get("payload").get("amountFen").asLong()).isEqualTo(600);
        assertThat(reversal.get("payload").get("origin").asText()).isEqualTo(CommissionOrigin.SETTLEMENT);
        assertThat(reversal.get("payload").get("refundId").asText()).isEqualTo("R1");
        publish(new CommissionCancelled(
                unaware, "O" + unaware, promoter, 400, "full refund", T0, "R2", 4, CommissionOrigin.ENGINE));
        await().atMost(Duration.ofSeconds(60)).until(() -> "REVERSED".equals(status(unaware)));
        assertThat(reversed(unaware)).isEqualTo(1_000);
        assertThat(outboxCount("reversed-" + unaware + "-R1")).isEqualTo(1);
        assertThat(outboxCount("reversed-" + unaware + "-R2")).isEqualTo(1);

        // the engine knew: its own reversal is followed, settlement announces nothing more
        publish(new CommissionReversed(
                aware, "O" + aware, "R3", promoter, 1_000, T0, 0L, "REVERSED", List.of(), 3, CommissionOrigin.ENGINE));
        await().atMost(Duration.ofSeconds(60)).until(() -> "REVERSED".equals(status(aware)));
        assertThat(outboxCount("reversed-" + aware + "-R3")).isZero();
    }

    // --- held commissions ---

    @Test
    void held_commissions_wait_for_an_operator_who_releases_or_cancels_them_audited() throws Exception {
        clock.set(T0);
        long toRelease = BASE + 31, toCancel = BASE + 32, promoter = BASE + 131;
        for (long id : List.of(toRelease, toCancel)) {
            publish(created(id, promoter, 700, Map.of("P1", 700L), true));
            publish(new CommissionCompleted(id, "O" + id, promoter, T0, List.of("P1"), 2));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> dueOf(toRelease) != null && dueOf(toCancel) != null);
        clock.set(T0.plus(Duration.ofDays(8)));
        job.runAll("TEST");
        assertThat(status(toRelease)).isEqualTo("SETTLED");
        assertThat(outboxCount("settled-" + toRelease)).isZero();
        // the test tokens are valid around the real time, which the services read from the clock
        clock.set(Instant.now());

        String path = "/admin/v1/settlement/commissions/" + toRelease + "/release";
        assertThat(post(path, TestKeys.memberToken(promoter), "{\"reason\":\"ok\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(post(path, TestKeys.staffToken(901, StaffRole.AUDITOR), "{\"reason\":\"ok\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> missingReason = post(path, TestKeys.staffToken(901, StaffRole.OPS), "{}");
        assertThat(missingReason.getStatusCode().value()).isEqualTo(400);
        assertThat(missingReason.getHeaders().getContentType().toString()).contains("problem+json");

        ResponseEntity<String> released = post(path, TestKeys.staffToken(901, StaffRole.OPS), "{\"reason\":\"风险已排除\"}");
        assertThat(released.getStatusCode().value()).isEqualTo(200);
        assertThat(status(toRelease)).isEqualTo("AVAILABLE");
        assertThat(outboxCount("settled-" + toRelease)).isEqualTo(1);
        ResponseEntity<String> again = post(path, TestKeys.staffToken(902, StaffRole.ADMIN), "{\"reason\":\"again\"}");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("COMMISSION_NOT_HELD");

        ResponseEntity<String> cancelled = post(
                "/admin/v1/settlement/commissions/" + toCancel + "/cancel",
                TestKeys.staffToken(902, StaffRole.ADMIN),
                "{\"reason\":\"刷单\"}");
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(status(toCancel)).isEqualTo("CANCELLED");
        assertThat(outboxCount("settlement-cancelled-" + toCancel)).isEqualTo(1);

        List<Map<String, Object>> audit = jdbc().queryForList(
                        "SELECT actor_id, action, reason FROM audit_log WHERE target_id IN (?, ?) ORDER BY at, id",
                        Long.toString(toRelease),
                        Long.toString(toCancel));
        assertThat(audit)
                .extracting(r -> r.get("action"))
                .containsExactly("HELD_COMMISSION_RELEASED", "HELD_COMMISSION_CANCELLED");
        assertThat(audit)
                .extracting(r -> ((Number) r.get("actor_id")).longValue())
                .containsExactly(901L, 902L);

        JsonNode overview = getJson("/admin/v1/settlement/overview", TestKeys.staffToken(903, StaffRole.AUDITOR));
        assertThat(overview.get("shards")).hasSize(batches.shards().size());
        assertThat(overview.get("releasedPerDay").isArray()).isTrue();
        assertThat(overview.get("due").has("lagSeconds")).isTrue();
    }

    @Test
    void a_paid_withdrawal_marks_the_oldest_available_commissions_withdrawn_once() throws Exception {
        clock.set(T0);
        long older = BASE + 41, newer = BASE + 42, promoter = BASE + 141;
        publish(created(older, promoter, 300, Map.of("P1", 300L), false));
        publish(new CommissionCompleted(older, "O" + older, promoter, T0, List.of("P1"), 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> dueOf(older) != null);
        clock.set(T0.plus(Duration.ofDays(7)));
        job.runAll("TEST");
        publish(created(newer, promoter, 500, Map.of("P1", 500L), false));
        publish(new CommissionCompleted(newer, "O" + newer, promoter, T0.plusSeconds(60), List.of("P1"), 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> dueOf(newer) != null);
        clock.set(T0.plus(Duration.ofDays(8)));
        job.runAll("TEST");
        assertThat(status(older)).isEqualTo("AVAILABLE");
        assertThat(status(newer)).isEqualTo("AVAILABLE");

        WithdrawalPaid paid = new WithdrawalPaid(
                BASE + 9_001, promoter, "WECHAT", 600, 0, 0, 600, "PAID", null, T0.plus(Duration.ofDays(8)));
        publish(paid);
        publish(paid); // redelivered under a new event id: the withdrawal id keeps it to once

        await().atMost(Duration.ofSeconds(60)).until(() -> "WITHDRAWN".equals(status(older)));
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxCount("withdrawn-" + older) == 1);
        Thread.sleep(1_000);
        assertThat(((Number) row(newer).get("withdrawn_fen")).longValue()).isEqualTo(300);
        assertThat(status(newer)).isEqualTo("AVAILABLE");
        assertThat(outboxCount("withdrawn-" + newer)).isZero();
    }

    @Test
    void staff_run_one_shard_now_and_a_shard_held_elsewhere_is_busy() throws Exception {
        clock.set(Instant.now());
        String shard = batches.shards().get(1).key();
        ResponseEntity<String> ran = post(
                "/admin/v1/settlement/runs", TestKeys.staffToken(904, StaffRole.OPS), "{\"shard\":\"" + shard + "\"}");
        assertThat(ran.getStatusCode().value()).as(ran.getBody()).isEqualTo(200);
        assertThat(ran.getBody()).contains("\"skipped\":false");
        assertThat(post("/admin/v1/settlement/runs", TestKeys.staffToken(904, StaffRole.OPS), "{\"shard\":\"ds_9/9\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(post("/admin/v1/settlement/runs", TestKeys.staffToken(904, StaffRole.OPS), "{\"shard\":\"x\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(post(
                                "/admin/v1/settlement/runs",
                                TestKeys.staffToken(904, StaffRole.FINANCE),
                                "{\"shard\":\"" + shard + "\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);

        ReleaseShard held = batches.shards().get(1);
        ShardLocks.Held lock = locks.tryLock(held).orElseThrow();
        try {
            ResponseEntity<String> busy = CompletableFuture.supplyAsync(() -> post(
                            "/admin/v1/settlement/runs",
                            TestKeys.staffToken(904, StaffRole.OPS),
                            "{\"shard\":\"" + shard + "\"}"))
                    .get(60, TimeUnit.SECONDS);
            assertThat(busy.getStatusCode().value()).isEqualTo(409);
            assertThat(busy.getBody()).contains("SHARD_BUSY");
        } finally {
            lock.close();
        }
    }

    @Test
    void finance_exports_the_commission_ledger_streamed_as_csv_or_xlsx() throws Exception {
        clock.set(Instant.now());
        long id = BASE + 51, promoter = BASE + 151;
        publish(created(id, promoter, 2_345, Map.of("P1", 2_345L), false));
        await().atMost(Duration.ofSeconds(60)).until(() -> dueOf(id) != null || amount(id) == 2_345);
        // paid at T0 − 1 day = 2026-11-24 10:00 in Shanghai
        String path = "/admin/v1/exports/commission-ledger?from=2026-11-24&to=2026-11-24";

        ResponseEntity<byte[]> csv = download(path + "&format=csv", TestKeys.staffToken(905, StaffRole.FINANCE));
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("commission-ledger-2026-11-24-2026-11-24.csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF佣金ID,推广员ID,订单ID");
        assertThat(text.lines().filter(l -> l.startsWith(id + ",")))
                .singleElement()
                .satisfies(l -> assertThat(l).contains(",O" + id + ",1,PENDING,23.45,0.00,0.00,0.00,否,"));

        ResponseEntity<byte[]> xlsx = download(path + "&format=xlsx", TestKeys.staffToken(905, StaffRole.AUDITOR));
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(xlsx.getBody(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");

        assertThat(download(path + "&format=pdf", TestKeys.staffToken(905, StaffRole.FINANCE))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(download(
                                "/admin/v1/exports/commission-ledger?from=2026-11-24&to=2026-01-01",
                                TestKeys.staffToken(905, StaffRole.FINANCE))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(download(path, TestKeys.memberToken(promoter))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    // --- several instances, crashes ---

    @Test
    void two_instances_at_once_release_each_commission_exactly_once_with_and_without_the_shard_locks()
            throws Exception {
        clock.set(T0);
        long first = BASE + 10_000;
        SettlementTestSupport.seedDue(dataSource, first, 4_000, BASE + 500, 97, 123, T0.minusSeconds(60), "TWO-");
        ReleaseJob other = otherInstance(locks);

        List<ReleaseJob.ShardResult> all = concurrently(() -> job.runAll("A"), () -> other.runAll("B"));

        assertThat(all.stream().mapToInt(ReleaseJob.ShardResult::released).sum())
                .isEqualTo(4_000);
        assertThat(countByStatus("TWO-%", "AVAILABLE")).isEqualTo(4_000);
        assertThat(settledEventsFor("TWO-%")).isEqualTo(4_000);

        // even with the locks out of the way, row locks keep each commission to one instance
        long second = BASE + 20_000;
        SettlementTestSupport.seedDue(dataSource, second, 4_000, BASE + 600, 97, 123, T0.minusSeconds(60), "NOLOCK-");
        ShardLocks none = shard -> Optional.of(() -> {});
        ReleaseJob a = otherInstance(none);
        ReleaseJob b = otherInstance(none);

        List<ReleaseJob.ShardResult> both = concurrently(() -> a.runAll("A"), () -> b.runAll("B"));

        assertThat(both.stream().mapToInt(ReleaseJob.ShardResult::released).sum())
                .isEqualTo(4_000);
        assertThat(countByStatus("NOLOCK-%", "AVAILABLE")).isEqualTo(4_000);
        assertThat(settledEventsFor("NOLOCK-%")).isEqualTo(4_000);
        assertThat(duplicateSettledEvents()).isZero();
    }

    @Test
    void an_instance_dying_mid_batch_loses_and_duplicates_nothing_and_its_lock_lapses() throws Exception {
        clock.set(T0);
        long first = BASE + 30_000;
        SettlementTestSupport.seedDue(dataSource, first, 3_000, BASE + 700, 89, 77, T0.minusSeconds(60), "CRASH-");
        AtomicInteger calls = new AtomicInteger();
        ReleaseBatches.Announcer dying = (released, now) -> {
            if (calls.incrementAndGet() > 3) {
                throw new IllegalStateException("simulated crash in the middle of a batch");
            }
            List<ReleaseBatches.Announcement> out = new ArrayList<>();
            for (var c : released) {
                out.add(new ReleaseBatches.Announcement(
                        c.promoterId(),
                        new com.fenxiao.common.event.commission.v1.CommissionSettled(
                                c.id(), c.orderId(), c.promoterId(), c.amountFen(), false, now, null, null),
                        ReleaseJob.settledEventId(c.id())));
            }
            return out;
        };
        int releasedBeforeCrash = 0;
        for (ReleaseShard shard : batches.shards()) {
            releasedBeforeCrash += job.runShard(shard, "DYING", dying).released();
        }
        assertThat(releasedBeforeCrash).isBetween(1, 2_999);
        // what the dying instance committed is exactly what it announced
        assertThat(countByStatus("CRASH-%", "AVAILABLE")).isEqualTo(releasedBeforeCrash);
        assertThat(settledEventsFor("CRASH-%")).isEqualTo(releasedBeforeCrash);
        assertThat(runs.recent(100)).anyMatch(r -> r.outcome().equals("FAILED"));

        job.runAll("RERUN");

        assertThat(countByStatus("CRASH-%", "AVAILABLE")).isEqualTo(3_000);
        assertThat(settledEventsFor("CRASH-%")).isEqualTo(3_000);
        assertThat(duplicateSettledEvents()).isZero();

        // a holder that dies without unlocking: its lease lapses and the shard is taken over
        ReleaseShard shard = batches.shards().get(0);
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + redisHost + ":" + redisPort);
        config.setLockWatchdogTimeout(2_000);
        RedissonClient crashed = Redisson.create(config);
        RLock lock = crashed.getLock("settlement:release:" + databaseName + ":" + shard.key());
        assertThat(lock.tryLock(5, TimeUnit.SECONDS)).isTrue();
        assertThat(job.runShard(shard, "TEST").skipped()).isTrue();
        crashed.shutdown(); // no unlock: the watchdog stops renewing
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !job.runShard(shard, "TEST").skipped());
    }

    // --- helpers ---

    private ReleaseJob otherInstance(ShardLocks shardLocks) {
        return new ReleaseJob(batches, shardLocks, runs, clock, properties, new SimpleMeterRegistry());
    }

    @SafeVarargs
    private static List<ReleaseJob.ShardResult> concurrently(
            java.util.function.Supplier<List<ReleaseJob.ShardResult>>... runsToStart) throws Exception {
        List<CompletableFuture<List<ReleaseJob.ShardResult>>> futures = new ArrayList<>();
        for (var r : runsToStart) {
            futures.add(CompletableFuture.supplyAsync(r));
        }
        List<ReleaseJob.ShardResult> out = new ArrayList<>();
        for (var f : futures) {
            List<ReleaseJob.ShardResult> results = f.get(5, TimeUnit.MINUTES);
            assertThat(results).allMatch(r -> r.error() == null);
            out.addAll(results);
        }
        return out;
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    private void publish(PlatformEvent event) throws Exception {
        String eventId = UUID.randomUUID().toString();
        EventType type = EventCodec.typeOf(event.getClass());
        publisher.send(new MessagePublisher.Outgoing(
                type.topic(), type.value(), event.key(), codec.write(codec.wrap(eventId, clock.instant(), event))));
    }

    private static CommissionCreated created(
            long id, long promoter, long amount, Map<String, Long> products, boolean held) {
        List<ProductShare> shares = new ArrayList<>();
        products.forEach((p, fen) -> shares.add(new ProductShare(p, fen)));
        return new CommissionCreated(
                id,
                "O" + id,
                "SO" + id,
                promoter,
                promoter + 1,
                1,
                amount,
                "PENDING",
                T0.minus(Duration.ofDays(1)),
                held,
                held ? "BUYER_FLAGGED" : null,
                T0.minus(Duration.ofDays(1)),
                null,
                shares,
                1);
    }

    private static CommissionAdjusted adjusted(long id, long promoter, long amount, String refund, int version) {
        return new CommissionAdjusted(
                id,
                "O" + id,
                promoter,
                0,
                amount,
                "partial refund " + refund,
                T0,
                refund,
                null,
                List.of(new ProductShare("P1", amount)),
                version);
    }

    private Map<String, Object> row(long id) {
        List<Map<String, Object>> rows = jdbc().queryForList("SELECT * FROM settlement_commission WHERE id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String status(long id) {
        Map<String, Object> r = row(id);
        return r == null ? null : (String) r.get("status");
    }

    private Long dueOf(long id) {
        Map<String, Object> r = row(id);
        if (r == null
                || !Boolean.TRUE.equals(r.get("known")) && !Integer.valueOf(1).equals(r.get("known"))) {
            return null;
        }
        Object due = r.get("due_at_ms");
        return due == null ? null : ((Number) due).longValue();
    }

    private long amount(long id) {
        Map<String, Object> r = row(id);
        return r == null ? -1 : ((Number) r.get("amount_fen")).longValue();
    }

    private long reversed(long id) {
        Map<String, Object> r = row(id);
        return r == null ? -1 : ((Number) r.get("reversed_fen")).longValue();
    }

    private int outboxCount(String eventId) {
        Integer n =
                jdbc().queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_id = ?", Integer.class, eventId);
        return n == null ? 0 : n;
    }

    private long countByStatus(String orderPattern, String status) {
        Long n = jdbc().queryForObject(
                        "SELECT COUNT(*) FROM settlement_commission WHERE order_id LIKE ? AND status = ?",
                        Long.class,
                        orderPattern,
                        status);
        return n == null ? 0 : n;
    }

    /** Settled events in the outboxes of every database for the commissions of these orders. */
    private long settledEventsFor(String orderPattern) {
        long total = 0;
        for (DataSource ds : physical.byName().values()) {
            JdbcTemplate db = new JdbcTemplate(ds);
            for (int t = 0; t < physical.tablesPerDatabase(); t++) {
                Long n = db.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event o JOIN settlement_commission_" + t
                                + " c ON o.event_id = CONCAT('settled-', c.id)"
                                + " WHERE c.order_id LIKE ? AND o.tag = 'COMMISSION_SETTLED'",
                        Long.class,
                        orderPattern);
                total += n == null ? 0 : n;
            }
        }
        return total;
    }

    private long duplicateSettledEvents() {
        long total = 0;
        for (DataSource ds : physical.byName().values()) {
            List<Long> dups = new JdbcTemplate(ds)
                    .queryForList(
                            "SELECT COUNT(*) FROM outbox_event WHERE tag = 'COMMISSION_SETTLED'"
                                    + " GROUP BY msg_key HAVING COUNT(*) > 1",
                            Long.class);
            total += dups.size();
        }
        return total;
    }

    private JsonNode awaitEvent(String type, long commissionId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (var m : commissionEvents.messages()) {
                JsonNode node = codec.mapper().readTree(new String(m.getBody(), StandardCharsets.UTF_8));
                if (node.get("type").asText().equals(type)
                        && node.get("key").asText().equals(Long.toString(commissionId))) {
                    found[0] = node;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private ResponseEntity<String> post(String path, String token, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    private ResponseEntity<byte[]> download(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private JsonNode getJson(String path, String token) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return codec.mapper().readTree(answer.getBody());
    }
}
