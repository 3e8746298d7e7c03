package com.fenxiao.settlement.release.domain;

import com.fenxiao.common.event.PlatformEvent;
import java.time.Instant;
import java.util.List;

/**
 * Releases due commissions one batch per transaction on one shard: locks up to {@code limit} due rows
 * after the cursor (keyset on due time and id), moves held ones to SETTLED and the others to AVAILABLE,
 * and writes one settled event per released commission through the outbox of the same database.
 */
public interface ReleaseBatches {

    List<ReleaseShard> shards();

    /** Keyset position: the last (due time, id) handled. */
    record Cursor(long dueAtMs, long id) {
        public static final Cursor START = new Cursor(Long.MIN_VALUE, Long.MIN_VALUE);
    }

    record Batch(int released, int held, int skipped, Cursor last) {
        public int seen() {
            return released + held + skipped;
        }
    }

    /** An event to write with the batch; {@code eventId} makes it unique for ever. */
    record Announcement(long shardKey, PlatformEvent event, String eventId) {}

    /** Says what to announce for released commissions; called inside the batch transaction (a failure rolls it back). */
    interface Announcer {
        List<Announcement> announce(List<DueCommission> released, Instant now);
    }

    Batch releaseBatch(ReleaseShard shard, Instant now, Cursor after, int limit, Announcer announcer);

    /** The oldest due time of known pending, unheld commissions on the shard, if any is due. */
    Long oldestDueMs(ReleaseShard shard, Instant now);
}
