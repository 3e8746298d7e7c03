package com.fenxiao.common.outbox;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.id.IdGenerator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the outbox inside the caller's transaction; the relay publishes them after the
 * commit. The shard key must be the shard key of the rows the event announces, so both land in one
 * physical database and commit together.
 */
public class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox_event (id, shard_key, event_id, topic, tag, msg_key, payload, created_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
    /** Rows per multi-row INSERT: one round trip per chunk instead of one per event. */
    private static final int CHUNK = 200;

    private final JdbcTemplate jdbc;
    private final IdGenerator ids;
    private final EventCodec codec;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, IdGenerator ids, EventCodec codec, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * One event to append. {@code eventId} is normally left to the outbox (a new snowflake id); a caller
     * that must announce something at most once ever passes a deterministic id (for example
     * {@code settled-<commission id>}): the unique key on {@code event_id} then refuses a second one.
     */
    public record Pending(long shardKey, PlatformEvent event, String eventId) {

        public Pending(long shardKey, PlatformEvent event) {
            this(shardKey, event, null);
        }
    }

    /** Appends one event; returns its event id. */
    public String append(long shardKey, PlatformEvent event) {
        return appendAll(List.of(new Pending(shardKey, event))).get(0);
    }

    /** Appends events in one batch; returns their event ids in order. */
    public List<String> appendAll(List<Pending> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the outbox is written inside the transaction of the change it announces");
        }
        Instant now = clock.instant();
        Timestamp created = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(events.size());
        List<String> eventIds = new ArrayList<>(events.size());
        for (Pending p : events) {
            long id = ids.nextId();
            String eventId = p.eventId() == null ? Long.toString(id) : p.eventId();
            EventType type = EventCodec.typeOf(p.event().getClass());
            EventEnvelope envelope = codec.wrap(eventId, now, p.event());
            rows.add(new Object[] {
                id, p.shardKey(), eventId, type.topic(), type.value(), envelope.key(), codec.write(envelope), created
            });
            eventIds.add(eventId);
        }
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder(INSERT.length() + chunk.size() * (ROW.length() + 2));
            sql.append(INSERT);
            Object[] args = new Object[chunk.size() * 8];
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? ROW : "," + ROW);
                System.arraycopy(chunk.get(i), 0, args, i * 8, 8);
            }
            jdbc.update(sql.toString(), args);
        }
        return eventIds;
    }
}
