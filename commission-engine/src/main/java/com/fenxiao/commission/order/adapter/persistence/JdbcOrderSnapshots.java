package com.fenxiao.commission.order.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fenxiao.commission.order.domain.OrderSnapshot;
import com.fenxiao.commission.order.domain.OrderSnapshots;
import com.fenxiao.commission.persistence.InLists;
import com.fenxiao.commission.persistence.ShardTables;
import com.fenxiao.common.event.EventCodec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** One row per order; the snapshot itself is JSON, the columns beside it are for queries. */
@Repository
class JdbcOrderSnapshots implements OrderSnapshots {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final EventCodec json;
    private final Clock clock;

    private final ShardTables routing;

    JdbcOrderSnapshots(DataSource dataSource, EventCodec json, Clock clock, ShardTables routing) {
        this.routing = routing;
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Map<String, OrderSnapshot> lockAll(Collection<String> orderIds) {
        Map<String, OrderSnapshot> out = new HashMap<>();
        // one statement per physical table, each with only the ids that live there: ShardingSphere would
        // send the whole IN list to every table it routes to
        for (List<String> ids : routing.byTable(orderIds)) {
            named.query(
                    "SELECT order_id, body FROM order_snapshot WHERE order_id IN (:ids) FOR UPDATE",
                    Map.of("ids", InLists.padded(ids)),
                    rs -> {
                        out.put(rs.getString(1), read(rs.getString(2)));
                    });
        }
        return out;
    }

    @Override
    public Optional<OrderSnapshot> of(String orderId) {
        return jdbc
                .query("SELECT body FROM order_snapshot WHERE order_id = ?", (rs, i) -> read(rs.getString(1)), orderId)
                .stream()
                .findFirst();
    }

    @Override
    public void insertAll(List<OrderSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(snapshots.size());
        for (OrderSnapshot s : snapshots) {
            rows.add(new Object[] {
                s.orderId(),
                s.state().name(),
                s.orderNo(),
                s.buyerId(),
                ts(s.paidAt()),
                ts(s.completedAt()),
                s.paidTotalFen(),
                s.costTotalFen(),
                s.refundedTotalFen(),
                json.write(s),
                s.version(),
                now,
                now
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO order_snapshot (order_id, state, order_no, buyer_id, paid_at, completed_at, paid_fen,"
                        + " cost_fen, refunded_fen, body, version, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    @Override
    public void updateAll(List<OrderSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(snapshots.size());
        for (OrderSnapshot s : snapshots) {
            rows.add(new Object[] {
                s.state().name(),
                s.orderNo(),
                s.buyerId(),
                ts(s.paidAt()),
                ts(s.completedAt()),
                s.paidTotalFen(),
                s.costTotalFen(),
                s.refundedTotalFen(),
                json.write(s),
                s.version(),
                now,
                s.orderId()
            });
        }
        jdbc.batchUpdate(
                "UPDATE order_snapshot SET state = ?, order_no = ?, buyer_id = ?, paid_at = ?, completed_at = ?,"
                        + " paid_fen = ?, cost_fen = ?, refunded_fen = ?, body = ?, version = ?, updated_at = ?"
                        + " WHERE order_id = ?",
                rows);
    }

    private OrderSnapshot read(String body) {
        try {
            return json.mapper().readValue(body, OrderSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable order snapshot: " + e.getOriginalMessage(), e);
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
