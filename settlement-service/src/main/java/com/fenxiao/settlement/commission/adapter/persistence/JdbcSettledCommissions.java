package com.fenxiao.settlement.commission.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.common.shard.Shards;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import com.fenxiao.settlement.commission.domain.SettledCommissions;
import com.fenxiao.settlement.commission.domain.SettlementStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSettledCommissions implements SettledCommissions {

    static final String COLUMNS = "id, promoter_id, order_id, level, known, status, amount_fen, settled_fen,"
            + " reversed_fen, withdrawn_fen, late_increase_fen, held, hold_reason, products, paid_at, completed_at,"
            + " due_at_ms, released_at, decided_by, source_version, created_at, updated_at";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Long>> PRODUCTS = new TypeReference<>() {};
    private static final ZoneId BUSINESS = com.fenxiao.common.time.BusinessTime.ZONE;

    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PhysicalDatabases physical;

    JdbcSettledCommissions(DataSource dataSource, Clock clock, PhysicalDatabases physical) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.physical = physical;
    }

    @Override
    public void forEachPaidBetween(Instant from, Instant to, java.util.function.Consumer<SettledCommission> each) {
        for (DataSource ds : physical.byName().values()) {
            JdbcTemplate db = new JdbcTemplate(ds);
            for (int t = 0; t < physical.tablesPerDatabase(); t++) {
                long after = Long.MIN_VALUE;
                while (true) {
                    List<SettledCommission> page = db.query(
                            "SELECT " + COLUMNS + " FROM settlement_commission_" + t
                                    + " WHERE id > ? AND known = 1 AND paid_at >= ? AND paid_at < ? ORDER BY id LIMIT ?",
                            MAPPER,
                            after,
                            Timestamp.from(from),
                            Timestamp.from(to),
                            PAGE);
                    page.forEach(each);
                    if (page.size() < PAGE) {
                        break;
                    }
                    after = page.get(page.size() - 1).id();
                }
            }
        }
    }

    @Override
    public SettledCommission lockOrCreate(long promoterId, long id, String orderId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT IGNORE INTO settlement_commission (id, promoter_id, order_id, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 'PENDING', ?, ?)",
                id,
                promoterId,
                orderId,
                now,
                now);
        return lock(promoterId, id).orElseThrow();
    }

    @Override
    public Optional<SettledCommission> lock(long promoterId, long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM settlement_commission WHERE promoter_id = ? AND id = ? FOR UPDATE",
                        MAPPER,
                        promoterId,
                        id)
                .stream()
                .findFirst();
    }

    @Override
    public Map<Long, SettledCommission> lockAll(Shards.Shard shard, Collection<Ref> refs) {
        Map<Long, SettledCommission> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Ref>> e :
                shard.byTable("settlement_commission", refs, Ref::promoterId).entrySet()) {
            List<Object> ids = new ArrayList<>();
            e.getValue().forEach(r -> ids.add(r.id()));
            // ordered by id: two batches locking overlapping rows take them in the same order
            for (SettledCommission c : shard.jdbc()
                    .query(
                            "SELECT " + COLUMNS + " FROM " + e.getKey() + " WHERE id IN (" + Shards.marks(ids.size())
                                    + ") ORDER BY id FOR UPDATE",
                            MAPPER,
                            ids.toArray())) {
                out.put(c.id(), c);
            }
        }
        return out;
    }

    private static final String WRITE_COLUMNS = "id, promoter_id, order_id, level, known, status, amount_fen,"
            + " settled_fen, reversed_fen, withdrawn_fen, late_increase_fen, held, hold_reason, products, paid_at,"
            + " completed_at, due_at_ms, released_at, released_day, decided_by, source_version, created_at, updated_at";
    private static final int WRITE_COUNT = 23;
    private static final String UPDATE_ALL = " ON DUPLICATE KEY UPDATE order_id = VALUES(order_id),"
            + " level = VALUES(level), known = VALUES(known), status = VALUES(status),"
            + " amount_fen = VALUES(amount_fen), settled_fen = VALUES(settled_fen),"
            + " reversed_fen = VALUES(reversed_fen), withdrawn_fen = VALUES(withdrawn_fen),"
            + " late_increase_fen = VALUES(late_increase_fen), held = VALUES(held), hold_reason = VALUES(hold_reason),"
            + " products = VALUES(products), paid_at = VALUES(paid_at), completed_at = VALUES(completed_at),"
            + " due_at_ms = VALUES(due_at_ms), released_at = VALUES(released_at),"
            + " released_day = VALUES(released_day), decided_by = VALUES(decided_by),"
            + " source_version = VALUES(source_version), updated_at = VALUES(updated_at)";

    @Override
    public void insertAll(Shards.Shard shard, List<SettledCommission> rows) {
        write(shard, rows, "");
    }

    @Override
    public void updateAll(Shards.Shard shard, List<SettledCommission> rows) {
        // every row is locked by this transaction: the upsert only ever takes its update branch
        write(shard, rows, UPDATE_ALL);
    }

    private void write(Shards.Shard shard, List<SettledCommission> rows, String tail) {
        for (Map.Entry<String, List<SettledCommission>> e : shard.byTable(
                        "settlement_commission", rows, SettledCommission::promoterId)
                .entrySet()) {
            List<SettledCommission> list = e.getValue();
            Object[] args = new Object[list.size() * WRITE_COUNT];
            int i = 0;
            for (SettledCommission c : list) {
                args[i++] = c.id();
                args[i++] = c.promoterId();
                args[i++] = c.orderId();
                args[i++] = c.level();
                args[i++] = c.known();
                args[i++] = c.status().name();
                args[i++] = c.amountFen();
                args[i++] = c.settledFen();
                args[i++] = c.reversedFen();
                args[i++] = c.withdrawnFen();
                args[i++] = c.lateIncreaseFen();
                args[i++] = c.held();
                args[i++] = c.holdReason();
                args[i++] = writeProducts(c.products());
                args[i++] = ts(c.paidAt());
                args[i++] = ts(c.completedAt());
                args[i++] = c.dueAtMs();
                args[i++] = ts(c.releasedAt());
                args[i++] = c.releasedAt() == null
                        ? null
                        : java.sql.Date.valueOf(LocalDate.ofInstant(c.releasedAt(), BUSINESS));
                args[i++] = c.decidedBy();
                args[i++] = c.sourceVersion();
                args[i++] = ts(c.createdAt());
                args[i++] = ts(c.updatedAt());
            }
            shard.jdbc()
                    .update(
                            "INSERT INTO " + e.getKey() + " (" + WRITE_COLUMNS + ") VALUES "
                                    + Shards.rows(list.size(), WRITE_COUNT) + tail,
                            args);
        }
    }

    @Override
    public void save(SettledCommission c) {
        jdbc.update(
                "UPDATE settlement_commission SET order_id = ?, level = ?, known = ?, status = ?, amount_fen = ?,"
                        + " settled_fen = ?, reversed_fen = ?, withdrawn_fen = ?, late_increase_fen = ?, held = ?,"
                        + " hold_reason = ?, products = ?, paid_at = ?, completed_at = ?, due_at_ms = ?,"
                        + " released_at = ?, released_day = ?, decided_by = ?, source_version = ?, updated_at = ?"
                        + " WHERE promoter_id = ? AND id = ?",
                c.orderId(),
                c.level(),
                c.known(),
                c.status().name(),
                c.amountFen(),
                c.settledFen(),
                c.reversedFen(),
                c.withdrawnFen(),
                c.lateIncreaseFen(),
                c.held(),
                c.holdReason(),
                writeProducts(c.products()),
                ts(c.paidAt()),
                ts(c.completedAt()),
                c.dueAtMs(),
                ts(c.releasedAt()),
                c.releasedAt() == null ? null : LocalDate.ofInstant(c.releasedAt(), BUSINESS),
                c.decidedBy(),
                c.sourceVersion(),
                ts(c.updatedAt()),
                c.promoterId(),
                c.id());
    }

    @Override
    public List<SettledCommission> lockAvailable(long promoterId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM settlement_commission WHERE promoter_id = ? AND status = 'AVAILABLE'"
                        + " ORDER BY released_at, id FOR UPDATE",
                MAPPER,
                promoterId);
    }

    @Override
    public Optional<SettledCommission> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM settlement_commission WHERE id = ?", MAPPER, id).stream()
                .findFirst();
    }

    @Override
    public List<SettledCommission> held(Long afterId, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM settlement_commission WHERE held = 1 AND status IN ('PENDING', 'SETTLED')"
                        + " AND id > ? ORDER BY id LIMIT ?",
                MAPPER,
                afterId == null ? Long.MIN_VALUE : afterId,
                limit);
    }

    @Override
    public long addUncovered(long promoterId, long deltaFen) {
        jdbc.update(
                "INSERT INTO settlement_promoter (promoter_id, uncovered_fen, updated_at) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE uncovered_fen = uncovered_fen + VALUES(uncovered_fen),"
                        + " updated_at = VALUES(updated_at)",
                promoterId,
                deltaFen,
                Timestamp.from(clock.instant()));
        Long total = jdbc.queryForObject(
                "SELECT uncovered_fen FROM settlement_promoter WHERE promoter_id = ?", Long.class, promoterId);
        return total == null ? 0 : total;
    }

    static final RowMapper<SettledCommission> MAPPER = JdbcSettledCommissions::map;

    static SettledCommission map(ResultSet rs, int row) throws SQLException {
        long due = rs.getLong("due_at_ms");
        Long dueAt = rs.wasNull() ? null : due;
        long decided = rs.getLong("decided_by");
        Long decidedBy = rs.wasNull() ? null : decided;
        return new SettledCommission(
                rs.getLong("id"),
                rs.getLong("promoter_id"),
                rs.getString("order_id"),
                rs.getInt("level"),
                rs.getBoolean("known"),
                SettlementStatus.valueOf(rs.getString("status")),
                rs.getLong("amount_fen"),
                rs.getLong("settled_fen"),
                rs.getLong("reversed_fen"),
                rs.getLong("withdrawn_fen"),
                rs.getLong("late_increase_fen"),
                rs.getBoolean("held"),
                rs.getString("hold_reason"),
                readProducts(rs.getString("products")),
                instant(rs.getTimestamp("paid_at")),
                instant(rs.getTimestamp("completed_at")),
                dueAt,
                instant(rs.getTimestamp("released_at")),
                decidedBy,
                rs.getInt("source_version"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    static String writeProducts(Map<String, Long> products) {
        if (products.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(products);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Long> readProducts(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, PRODUCTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable products column: " + json, e);
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
