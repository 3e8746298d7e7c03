package com.fenxiao.common.id;

import java.time.Clock;
import java.time.Instant;

/**
 * Snowflake-style 63-bit ids: 41 bits of milliseconds since 2026-01-01T00:00Z, 10 bits of worker id,
 * 12 bits of sequence. Ids are known before insert, so an outbox row can name them, and they sort by
 * creation time. A clock that steps back waits until it has passed the last issued millisecond.
 */
public final class IdGenerator {

    static final long EPOCH_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final int WORKER_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    public static final int MAX_WORKER_ID = (1 << WORKER_BITS) - 1;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final long workerId;
    private long lastMillis = -1;
    private long sequence;

    public IdGenerator(Clock clock, int workerId) {
        if (workerId < 0 || workerId > MAX_WORKER_ID) {
            throw new IllegalArgumentException("worker id must be within 0.." + MAX_WORKER_ID + ": " + workerId);
        }
        this.clock = clock;
        this.workerId = workerId;
    }

    public synchronized long nextId() {
        long now = Math.max(clock.millis(), lastMillis);
        if (now == lastMillis) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                now = lastMillis + 1; // borrow the next millisecond rather than spin on a test clock
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH_MILLIS) << (WORKER_BITS + SEQUENCE_BITS)) | (workerId << SEQUENCE_BITS) | sequence;
    }

    public static Instant timeOf(long id) {
        return Instant.ofEpochMilli((id >>> (WORKER_BITS + SEQUENCE_BITS)) + EPOCH_MILLIS);
    }

    public static int workerOf(long id) {
        return (int) ((id >>> SEQUENCE_BITS) & MAX_WORKER_ID);
    }
}
