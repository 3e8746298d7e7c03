package com.fenxiao.common.inbox;

import java.sql.Timestamp;
import java.time.Clock;
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
}
