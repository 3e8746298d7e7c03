package com.fenxiao.common.inbox;

import com.fenxiao.common.shard.Shards;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Consumer-side dedupe: the first handling of an event id records it, in the same transaction as its
 * effect; a redelivery finds the row and changes nothing. The shard key must route the row to the
 * database of the effect, and must be the same for every delivery of one event.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProcessedEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time this consumer sees the event; false for a redelivery. */
    public boolean markFirstDelivery(String consumer, String eventId, long shardKey) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("dedupe must share the transaction of the effect");
        }
        int inserted = jdbc.update(
                "INSERT IGNORE INTO processed_event (consumer, event_id, shard_key, processed_at) VALUES (?, ?, ?, ?)",
                consumer,
                eventId,
                shardKey,
                Timestamp.from(clock.instant()));
        return inserted == 1;
    }

    /**
     * The batch form of {@link #markFirstDelivery}: records every event id of {@code shardKeys} (event id →
     * shard key, all of this database) not seen before and returns those, in the caller's transaction.
     * One plain read finds the ids already recorded, one multi-row insert records the rest; a concurrent
     * consumer that records one of them first makes the insert fail on the primary key, and the caller's
     * transaction is retried (then the read finds it).
     */
    public Set<String> markFirstDeliveries(String consumer, Map<String, Long> shardKeys) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("dedupe must share the transaction of the effect");
        }
        List<String> ids = new ArrayList<>(shardKeys.keySet());
        Set<String> first = new LinkedHashSet<>(ids);
        for (List<String> chunk : Shards.chunks(ids)) {
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(consumer);
            args.addAll(chunk);
            first.removeAll(jdbc.queryForList(
                    "SELECT event_id FROM processed_event WHERE consumer = ? AND event_id IN ("
                            + Shards.marks(chunk.size()) + ")",
                    String.class,
                    args.toArray()));
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<String> rows = new ArrayList<>(first);
        for (List<String> chunk : Shards.chunks(rows)) {
            List<Object> args = new ArrayList<>(chunk.size() * 4);
            for (String id : chunk) {
                args.add(consumer);
                args.add(id);
                args.add(shardKeys.get(id));
                args.add(now);
            }
            jdbc.update(
                    "INSERT INTO processed_event (consumer, event_id, shard_key, processed_at) VALUES "
                            + Shards.rows(chunk.size(), 4),
                    args.toArray());
        }
        return first;
    }
}
