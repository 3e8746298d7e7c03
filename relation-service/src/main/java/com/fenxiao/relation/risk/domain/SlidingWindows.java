package com.fenxiao.relation.risk.domain;

import java.time.Duration;
import java.time.Instant;

/** Counters over a sliding time window, shared by every instance of the service. */
public interface SlidingWindows {

    /** Adds {@code entry} at {@code now} and returns how many entries the window holds with it. */
    long record(String key, String entry, Instant now, Duration window);

    /** Adds {@code entry} only while fewer than {@code limit} entries are in the window; true when added. */
    boolean tryAcquire(String key, String entry, int limit, Instant now, Duration window);

    /** Takes an entry back (its transaction rolled back). */
    void release(String key, String entry);
}
