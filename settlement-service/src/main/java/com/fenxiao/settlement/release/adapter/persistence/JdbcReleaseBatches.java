package com.fenxiao.settlement.release.adapter.persistence;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.settlement.release.domain.DueCommission;
import com.fenxiao.settlement.release.domain.ReleaseBatches;
import com.fenxiao.settlement.release.domain.ReleaseShard;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works on the physical tables directly (one shard = one table of one database), bypassing the
 * sharding layer: a batch is one local transaction of that database, holding the row locks of the
 * batch ({@code FOR UPDATE}) so that another instance working on the same shard by mistake skips what
 * this one releases, and writing the settled events into that database's outbox.
 */
@Repository
class JdbcReleaseBatches implements ReleaseBatches {

    private final Map<String, Physical> physical = new LinkedHashMap<>();
    private final List<ReleaseShard> shards = new ArrayList<>();

    private record Physical(JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox) {}

    JdbcReleaseBatches(PhysicalDatabases databases, IdGenerator ids, EventCodec codec, Clock clock) {
        databases.byName().forEach((name, ds) -> {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            physical.put(
                    name,
                    new Physical(jdbc, new TransactionTemplate(manager(ds)), new Outbox(jdbc, ids, codec, clock)));
            for (int t = 0; t < databases.tablesPerDatabase(); t++) {
                shards.add(new ReleaseShard(name, t));
            }
        });
    }

    private static DataSourceTransactionManager manager(DataSource ds) {
        return new DataSourceTransactionManager(ds);
    }

    @Override
    public List<ReleaseShard> shards() {
        return List.copyOf(shards);
    }

    private Physical of(ReleaseShard shard) {
        Physical p = physical.get(shard.database());
        if (p == null || shard.table() < 0 || shard.table() >= shards.size() / Math.max(1, physical.size())) {
            throw new IllegalArgumentException("no such shard: " + shard.key());
        }
        return p;
    }

    private static String table(ReleaseShard shard) {
        return "settlement_commission_" + shard.table();
    }

    @Override
    public Batch releaseBatch(ReleaseShard shard, Instant now, Cursor after, int limit, Announcer announcer) {
        Physical p = of(shard);
        String table = table(shard);
        long nowMs = now.toEpochMilli();
        return p.tx().execute(status -> {
            List<DueCommission> due = p.jdbc()
                    .query(
                            "SELECT id, promoter_id, order_id, amount_fen, held, completed_at, due_at_ms FROM " + table
                                    + " WHERE status = 'PENDING' AND due_at_ms <= ?"
                                    + " AND (due_at_ms > ? OR (due_at_ms = ? AND id > ?)) AND known = 1"
                                    + " ORDER BY due_at_ms, id LIMIT ? FOR UPDATE",
                            (rs, i) -> new DueCommission(
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getLong(4),
                                    rs.getBoolean(5),
                                    rs.getTimestamp(6) == null
                                            ? null
                                            : rs.getTimestamp(6).toInstant(),
                                    rs.getLong(7)),
                            nowMs,
                            after.dueAtMs(),
                            after.dueAtMs(),
                            after.id(),
                            limit);
            if (due.isEmpty()) {
                return new Batch(0, 0, 0, after);
            }
            List<DueCommission> released = new ArrayList<>(due.size());
            List<Long> held = new ArrayList<>();
            List<Long> empty = new ArrayList<>();
            for (DueCommission c : due) {
                if (c.held()) {
                    held.add(c.id());
                } else if (c.amountFen() <= 0) {
                    empty.add(c.id());
                } else {
                    released.add(c);
                }
            }
            Timestamp at = Timestamp.from(now);
            // SPEC §5: the window closed, so every due commission with an amount settles (held ones stay
            // there for an operator); only then are the unheld ones credited (SETTLED -> AVAILABLE)
            List<Long> settling = new ArrayList<>(held);
            released.forEach(c -> settling.add(c.id()));
            if (!settling.isEmpty()) {
                p.jdbc()
                        .update(
                                "UPDATE " + table + " SET status = 'SETTLED', updated_at = ? WHERE id IN ("
                                        + marks(settling.size()) + ") AND status = 'PENDING'",
                                args(settling, at));
            }
            if (!released.isEmpty()) {
                List<Long> ids = released.stream().map(DueCommission::id).toList();
                int updated = p.jdbc()
                        .update(
                                "UPDATE " + table + " SET status = 'AVAILABLE', settled_fen = amount_fen,"
                                        + " released_at = ?, released_day = ?, updated_at = ? WHERE id IN ("
                                        + marks(ids.size()) + ") AND status = 'SETTLED'",
                                args(ids, at, Date.valueOf(BusinessTime.dateOf(now)), at));
                if (updated != ids.size()) {
                    throw new IllegalStateException("released " + updated + " of " + ids.size() + " locked rows");
                }
                List<Outbox.Pending> events = new ArrayList<>(released.size());
                for (Announcement a : announcer.announce(released, now)) {
                    events.add(new Outbox.Pending(a.shardKey(), a.event(), a.eventId()));
                }
                p.outbox().appendAll(events);
            }
            if (!empty.isEmpty()) {
                p.jdbc()
                        .update(
                                "UPDATE " + table + " SET status = 'CANCELLED', updated_at = ? WHERE id IN ("
                                        + marks(empty.size()) + ") AND status = 'PENDING'",
                                args(empty, at));
            }
            DueCommission last = due.get(due.size() - 1);
            return new Batch(released.size(), held.size(), empty.size(), new Cursor(last.dueAtMs(), last.id()));
        });
    }

    @Override
    public Long oldestDueMs(ReleaseShard shard, Instant now) {
        List<Long> oldest = of(shard)
                .jdbc()
                .queryForList(
                        "SELECT due_at_ms FROM " + table(shard) + " WHERE status = 'PENDING' AND due_at_ms <= ?"
                                + " AND known = 1 AND held = 0 ORDER BY due_at_ms LIMIT 1",
                        Long.class,
                        now.toEpochMilli());
        return oldest.isEmpty() ? null : oldest.get(0);
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static Object[] args(List<Long> ids, Object... leading) {
        Object[] out = new Object[leading.length + ids.size()];
        System.arraycopy(leading, 0, out, 0, leading.length);
        for (int i = 0; i < ids.size(); i++) {
            out[leading.length + i] = ids.get(i);
        }
        return out;
    }
}
