package com.fenxiao.commission.record.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fenxiao.commission.persistence.InLists;
import com.fenxiao.commission.persistence.ShardTables;
import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.CommissionStatus;
import com.fenxiao.commission.record.domain.Commissions;
import com.fenxiao.commission.record.domain.ItemShare;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.shard.Shards;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Commission records through the sharded data source; every statement names the promoter. */
@Repository
class JdbcCommissions implements Commissions {

    private static final TypeReference<List<ItemShare>> SHARES = new TypeReference<>() {};
    private static final String COLUMNS = "SELECT id, order_id, order_no, promoter_id, buyer_id, level, amount_fen,"
            + " original_amount_fen, computed_fen, adjustment_fen, reversed_fen, rate_bp, breakdown, status, held,"
            + " hold_reason, chain_check, buyer_nickname, paid_at, completed_at, created_at, updated_at, version,"
            + " order_version FROM commission_record";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final EventCodec json;

    private final ShardTables routing;

    JdbcCommissions(DataSource dataSource, EventCodec json, ShardTables routing) {
        this.routing = routing;
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    @Override
    public List<Commission> lockAll(Collection<Key> keys) {
        Set<Key> wanted = Set.copyOf(keys);
        List<Commission> out = new ArrayList<>();
        // one statement per physical table with only its own keys (primary-key look-ups, nothing else locked)
        for (List<Key> group : routing.byTable(keys, Key::promoterId)) {
            Set<Long> promoters = new TreeSet<>();
            Set<Long> ids = new TreeSet<>();
            for (Key k : group) {
                promoters.add(k.promoterId());
                ids.add(k.id());
            }
            named.query(
                    COLUMNS + " WHERE promoter_id IN (:promoters) AND id IN (:ids) FOR UPDATE",
                    Map.of("promoters", InLists.padded(promoters), "ids", InLists.padded(ids)),
                    rs -> {
                        Commission c = read(rs);
                        if (wanted.contains(new Key(c.promoterId(), c.id()))) {
                            out.add(c);
                        }
                    });
        }
        return out;
    }

    @Override
    public void insertAll(List<Commission> created) {
        if (created.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(created.size());
        for (Commission c : created) {
            rows.add(new Object[] {
                c.id(),
                c.orderId(),
                c.orderNo(),
                c.promoterId(),
                c.buyerId(),
                c.level(),
                c.amountFen(),
                c.originalAmountFen(),
                c.computedFen(),
                c.adjustmentFen(),
                c.reversedFen(),
                c.rateBp(),
                json.write(c.breakdown()),
                c.status().name(),
                c.held(),
                c.holdReason(),
                c.chainCheck(),
                c.buyerNickname(),
                ts(c.paidAt()),
                ts(c.completedAt()),
                ts(c.createdAt()),
                ts(c.updatedAt()),
                c.version(),
                c.orderVersion()
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO commission_record (id, order_id, order_no, promoter_id, buyer_id, level, amount_fen,"
                        + " original_amount_fen, computed_fen, adjustment_fen, reversed_fen, rate_bp, breakdown,"
                        + " status, held, hold_reason, chain_check, buyer_nickname, paid_at, completed_at,"
                        + " created_at, updated_at, version, order_version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    @Override
    public void updateAll(List<Commission> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(update("commission_record"), updateRows(changed));
    }

    @Override
    public List<Commission> lockAll(Shards.Shard shard, Collection<Key> keys) {
        Set<Key> wanted = Set.copyOf(keys);
        List<Commission> out = new ArrayList<>();
        for (Map.Entry<String, List<Key>> e :
                shard.byTable("commission_record", wanted, Key::promoterId).entrySet()) {
            Set<Long> promoters = new TreeSet<>();
            Set<Long> ids = new TreeSet<>();
            for (Key k : e.getValue()) {
                promoters.add(k.promoterId());
                ids.add(k.id());
            }
            List<Object> args = new ArrayList<>(promoters);
            args.addAll(ids);
            shard.jdbc()
                    .query(
                            COLUMNS.replace("FROM commission_record", "FROM " + e.getKey())
                                    + " WHERE promoter_id IN (" + Shards.marks(promoters.size()) + ") AND id IN ("
                                    + Shards.marks(ids.size()) + ") ORDER BY id FOR UPDATE",
                            rs -> {
                                Commission c = read(rs);
                                if (wanted.contains(new Key(c.promoterId(), c.id()))) {
                                    out.add(c);
                                }
                            },
                            args.toArray());
        }
        return out;
    }

    @Override
    public void updateAll(Shards.Shard shard, List<Commission> changed) {
        if (changed.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<Commission>> e : shard.byTable("commission_record", changed, Commission::promoterId)
                .entrySet()) {
            shard.jdbc().batchUpdate(update(e.getKey()), updateRows(e.getValue()));
        }
    }

    private static String update(String table) {
        return "UPDATE " + table + " SET amount_fen = ?, computed_fen = ?, adjustment_fen = ?, reversed_fen = ?,"
                + " breakdown = ?, status = ?, completed_at = ?, updated_at = ?, version = ?,"
                + " order_version = ? WHERE promoter_id = ? AND id = ?";
    }

    private List<Object[]> updateRows(List<Commission> changed) {
        List<Object[]> rows = new ArrayList<>(changed.size());
        for (Commission c : changed) {
            rows.add(new Object[] {
                c.amountFen(),
                c.computedFen(),
                c.adjustmentFen(),
                c.reversedFen(),
                json.write(c.breakdown()),
                c.status().name(),
                ts(c.completedAt()),
                ts(c.updatedAt()),
                c.version(),
                c.orderVersion(),
                c.promoterId(),
                c.id()
            });
        }
        return rows;
    }

    @Override
    public Optional<Commission> byId(long promoterId, long id) {
        return jdbc
                .query(COLUMNS + " WHERE promoter_id = ? AND id = ? FOR UPDATE", (rs, i) -> read(rs), promoterId, id)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Commission> findAnywhere(long id) {
        return jdbc.query(COLUMNS + " WHERE id = ?", (rs, i) -> read(rs), id).stream()
                .findFirst();
    }

    @Override
    public List<Commission> ofPromoter(long promoterId, CommissionStatus status, Long beforeId, int size) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE promoter_id = :promoter");
        Map<String, Object> params = new HashMap<>();
        params.put("promoter", promoterId);
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (beforeId != null) {
            sql.append(" AND id < :before");
            params.put("before", beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(size, 101)));
        return named.query(sql.toString(), params, (rs, i) -> read(rs));
    }

    @Override
    public List<Commission> ofOrder(Collection<Long> promoterIds, String orderId) {
        if (promoterIds.isEmpty()) {
            return List.of();
        }
        return named.query(
                COLUMNS + " WHERE promoter_id IN (:promoters) AND order_id = :order ORDER BY level",
                Map.of("promoters", promoterIds, "order", orderId),
                (rs, i) -> read(rs));
    }

    private Commission read(ResultSet rs) throws SQLException {
        List<ItemShare> breakdown;
        try {
            breakdown = json.mapper().readValue(rs.getString("breakdown"), SHARES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt breakdown of commission " + rs.getLong("id"), e);
        }
        return new Commission(
                rs.getLong("id"),
                rs.getString("order_id"),
                rs.getString("order_no"),
                rs.getLong("promoter_id"),
                rs.getLong("buyer_id"),
                rs.getInt("level"),
                rs.getLong("amount_fen"),
                rs.getLong("original_amount_fen"),
                rs.getLong("computed_fen"),
                rs.getLong("adjustment_fen"),
                rs.getLong("reversed_fen"),
                rs.getInt("rate_bp"),
                breakdown,
                CommissionStatus.valueOf(rs.getString("status")),
                rs.getBoolean("held"),
                rs.getString("hold_reason"),
                rs.getString("chain_check"),
                rs.getString("buyer_nickname"),
                instant(rs.getTimestamp("paid_at")),
                instant(rs.getTimestamp("completed_at")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getInt("version"),
                rs.getInt("order_version"));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
