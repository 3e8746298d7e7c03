package com.fenxiao.settlement.release.application;

import com.fenxiao.common.event.commission.v1.CommissionSettled;
import com.fenxiao.settlement.SettlementProperties;
import com.fenxiao.settlement.release.domain.DueCommission;
import com.fenxiao.settlement.release.domain.ReleaseBatches;
import com.fenxiao.settlement.release.domain.ReleaseRuns;
import com.fenxiao.settlement.release.domain.ReleaseShard;
import com.fenxiao.settlement.release.domain.ShardLocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * SPEC §5 release: for each shard this instance can lock, releases what is due in keyset-paged batches
 * (one transaction each, so memory stays flat however much is due) until nothing due is left, and
 * publishes one COMMISSION_SETTLED per released commission. The event id {@code settled-<id>} is
 * unique in the outbox, so even a bug that selected a row twice could not announce it twice.
 */
@Service
public class ReleaseJob {

    private static final Logger log = LoggerFactory.getLogger(ReleaseJob.class);

    private final ReleaseBatches batches;
    private final ShardLocks locks;
    private final ReleaseRuns runs;
    private final Clock clock;
    private final SettlementProperties properties;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final Counter released;
    private final Counter failures;
    private final DistributionSummary perRun;
    private final AtomicLong lagMillis = new AtomicLong();

    public ReleaseJob(
            ReleaseBatches batches,
            ShardLocks locks,
            ReleaseRuns runs,
            Clock clock,
            SettlementProperties properties,
            MeterRegistry meters) {
        this.batches = batches;
        this.locks = locks;
        this.runs = runs;
        this.clock = clock;
        this.properties = properties;
        this.released = Counter.builder("settlement.released")
                .description("commissions released to wallets")
                .register(meters);
        this.failures = Counter.builder("settlement.release.failures")
                .description("shard runs that ended in an error")
                .register(meters);
        this.perRun = DistributionSummary.builder("settlement.release.run.released")
                .description("commissions released per shard run")
                .register(meters);
        Gauge.builder("settlement.release.lag.seconds", lagMillis, v -> v.get() / 1000.0)
                .description("age of the oldest due, unreleased, unheld commission")
                .register(meters);
    }

    /** What one shard run did; {@code skipped} when another instance held the shard. */
    public record ShardResult(String shard, boolean skipped, int released, int held, String error) {}

    /** Runs every shard, {@code threads} at a time. */
    public List<ShardResult> runAll(String trigger) {
        List<ReleaseShard> shards = batches.shards();
        int threads = Math.max(1, Math.min(properties.getRelease().getThreads(), shards.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "settlement-release");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ShardResult>> futures = new ArrayList<>();
            for (ReleaseShard shard : shards) {
                futures.add(pool.submit(() -> runShard(shard, trigger)));
            }
            List<ShardResult> results = new ArrayList<>();
            for (Future<ShardResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            refreshLag();
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    public ShardResult runShard(ReleaseShard shard, String trigger) {
        return runShard(shard, trigger, this::settledEvents);
    }

    /** One shard, with the given announcer (tests use it to fail in the middle of a batch). */
    public ShardResult runShard(ReleaseShard shard, String trigger, ReleaseBatches.Announcer announcer) {
        Optional<ShardLocks.Held> lock = locks.tryLock(shard);
        if (lock.isEmpty()) {
            return new ShardResult(shard.key(), true, 0, 0, null);
        }
        try (ShardLocks.Held held = lock.get()) {
            Instant started = clock.instant();
            long runId = runs.started(shard, instance, trigger, started);
            int releasedHere = 0;
            int heldHere = 0;
            try {
                ReleaseBatches.Cursor cursor = ReleaseBatches.Cursor.START;
                int limit = properties.getRelease().getBatchSize();
                while (true) {
                    // the same "now" for the whole run: what becomes due meanwhile waits for the next run
                    ReleaseBatches.Batch batch = batches.releaseBatch(shard, started, cursor, limit, announcer);
                    releasedHere += batch.released();
                    heldHere += batch.held();
                    released.increment(batch.released());
                    cursor = batch.last();
                    if (batch.seen() < limit) {
                        break;
                    }
                }
                runs.finished(runId, releasedHere, heldHere, "OK", null, clock.instant());
                perRun.record(releasedHere);
                return new ShardResult(shard.key(), false, releasedHere, heldHere, null);
            } catch (RuntimeException e) {
                failures.increment();
                log.error("release of shard {} failed after {} released: {}", shard.key(), releasedHere, e.toString());
                runs.finished(runId, releasedHere, heldHere, "FAILED", e.toString(), clock.instant());
                return new ShardResult(shard.key(), false, releasedHere, heldHere, e.toString());
            }
        }
    }

    private List<ReleaseBatches.Announcement> settledEvents(List<DueCommission> released, Instant now) {
        List<ReleaseBatches.Announcement> out = new ArrayList<>(released.size());
        for (DueCommission c : released) {
            out.add(new ReleaseBatches.Announcement(
                    c.promoterId(),
                    new CommissionSettled(
                            c.id(),
                            c.orderId(),
                            c.promoterId(),
                            c.amountFen(),
                            false,
                            now,
                            c.completedAt(),
                            Instant.ofEpochMilli(c.dueAtMs())),
                    settledEventId(c.id())));
        }
        return out;
    }

    public static String settledEventId(long commissionId) {
        return "settled-" + commissionId;
    }

    /** Lag: how long the oldest due, unheld commission has waited past its window. */
    public long refreshLag() {
        Instant now = clock.instant();
        Long oldest = null;
        for (ReleaseShard shard : batches.shards()) {
            Long due = batches.oldestDueMs(shard, now);
            if (due != null && (oldest == null || due < oldest)) {
                oldest = due;
            }
        }
        long lag = oldest == null ? 0 : Math.max(0, now.toEpochMilli() - oldest);
        lagMillis.set(lag);
        return lag;
    }

    public List<ReleaseShard> shards() {
        return batches.shards();
    }
}
