package com.fenxiao.withdrawal.wallet.adapter.persistence;

import com.fenxiao.common.shard.Shards;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.Delta;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWallets implements Wallets {

    private static final String BALANCES = "pending_fen, available_fen, frozen_fen, withdrawn_fen, debt_fen";
    private static final String LEDGER_COLUMNS = "id, promoter_id, entry_type, source_key, amount_fen, pending_delta,"
            + " available_delta, frozen_delta, withdrawn_delta, debt_delta, created_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcWallets(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @Override
    public void ensureExists(long promoterId) {
        jdbc.update(
                "INSERT IGNORE INTO wallet (promoter_id, " + BALANCES + ", updated_at) VALUES (?, 0, 0, 0, 0, 0, ?)",
                promoterId,
                Timestamp.from(clock.instant()));
    }

    @Override
    public boolean exists(long promoterId) {
        return !jdbc.queryForList("SELECT 1 FROM wallet WHERE promoter_id = ?", Integer.class, promoterId)
                .isEmpty();
    }

    @Override
    public Balances lock(long promoterId) {
        return jdbc.queryForObject(
                "SELECT " + BALANCES + " FROM wallet WHERE promoter_id = ? FOR UPDATE",
                (rs, i) -> balances(rs),
                promoterId);
    }

    @Override
    public boolean hasEntry(long promoterId, String sourceKey) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM wallet_ledger WHERE promoter_id = ? AND source_key = ?",
                        Integer.class,
                        promoterId,
                        sourceKey)
                .isEmpty();
    }

    @Override
    public boolean append(long entryId, long promoterId, EntryType type, String sourceKey, long amountFen, Delta d) {
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.update(
                "INSERT IGNORE INTO wallet_ledger (id, promoter_id, entry_type, source_key, amount_fen, pending_delta,"
                        + " available_delta, frozen_delta, withdrawn_delta, debt_delta, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entryId,
                promoterId,
                type.name(),
                sourceKey,
                amountFen,
                d.pendingFen(),
                d.availableFen(),
                d.frozenFen(),
                d.withdrawnFen(),
                d.debtFen(),
                now);
        if (inserted == 0) {
            return false;
        }
        // the database guards every bucket again: a delta that would drive one negative changes nothing
        int updated = jdbc.update(
                "UPDATE wallet SET pending_fen = pending_fen + ?, available_fen = available_fen + ?,"
                        + " frozen_fen = frozen_fen + ?, withdrawn_fen = withdrawn_fen + ?, debt_fen = debt_fen + ?,"
                        + " updated_at = ? WHERE promoter_id = ? AND pending_fen + ? >= 0 AND available_fen + ? >= 0"
                        + " AND frozen_fen + ? >= 0 AND withdrawn_fen + ? >= 0 AND debt_fen + ? >= 0",
                d.pendingFen(),
                d.availableFen(),
                d.frozenFen(),
                d.withdrawnFen(),
                d.debtFen(),
                now,
                promoterId,
                d.pendingFen(),
                d.availableFen(),
                d.frozenFen(),
                d.withdrawnFen(),
                d.debtFen());
        if (updated != 1) {
            throw new IllegalStateException("wallet " + promoterId + " refused a delta its lock allowed: " + d);
        }
        return true;
    }

    @Override
    public void ensureExistAll(Shards.Shard shard, Collection<Long> promoterIds) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Map.Entry<String, List<Long>> e :
                byTable(shard, "wallet", promoterIds).entrySet()) {
            for (List<Long> chunk : Shards.chunks(e.getValue())) {
                List<Object> args = new ArrayList<>(chunk.size() * 2);
                for (Long id : chunk) {
                    args.add(id);
                    args.add(now);
                }
                shard.jdbc()
                        .update(
                                "INSERT IGNORE INTO " + e.getKey() + " (promoter_id, " + BALANCES
                                        + ", updated_at) VALUES " + repeat("(?, 0, 0, 0, 0, 0, ?)", chunk.size()),
                                args.toArray());
            }
        }
    }

    @Override
    public Map<Long, Balances> lockAll(Shards.Shard shard, Collection<Long> promoterIds) {
        Map<Long, Balances> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> e :
                byTable(shard, "wallet", promoterIds).entrySet()) {
            for (List<Long> chunk : Shards.chunks(e.getValue())) {
                shard.jdbc()
                        .query(
                                "SELECT promoter_id, " + BALANCES + " FROM " + e.getKey() + " WHERE promoter_id IN ("
                                        + Shards.marks(chunk.size()) + ") ORDER BY promoter_id FOR UPDATE",
                                rs -> {
                                    out.put(
                                            rs.getLong(1),
                                            new Balances(
                                                    rs.getLong(2),
                                                    rs.getLong(3),
                                                    rs.getLong(4),
                                                    rs.getLong(5),
                                                    rs.getLong(6)));
                                },
                                chunk.toArray());
            }
        }
        return out;
    }

    @Override
    public Set<Source> existingSources(Shards.Shard shard, Collection<Source> sources) {
        Set<Source> out = new HashSet<>();
        for (Map.Entry<String, List<Source>> e :
                shard.byTable("wallet_ledger", sources, Source::promoterId).entrySet()) {
            Set<Source> wanted = new HashSet<>(e.getValue());
            for (List<Source> chunk : Shards.chunks(e.getValue())) {
                Set<Long> promoters = new TreeSet<>();
                Set<String> keys = new TreeSet<>();
                chunk.forEach(x -> {
                    promoters.add(x.promoterId());
                    keys.add(x.sourceKey());
                });
                List<Object> args = new ArrayList<>(promoters);
                args.addAll(keys);
                shard.jdbc()
                        .query(
                                "SELECT promoter_id, source_key FROM " + e.getKey() + " WHERE promoter_id IN ("
                                        + Shards.marks(promoters.size()) + ") AND source_key IN ("
                                        + Shards.marks(keys.size()) + ")",
                                rs -> {
                                    Source found = new Source(rs.getLong(1), rs.getString(2));
                                    if (wanted.contains(found)) {
                                        out.add(found);
                                    }
                                },
                                args.toArray());
            }
        }
        return out;
    }

    @Override
    public void appendAll(Shards.Shard shard, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (Map.Entry<String, List<Entry>> e :
                shard.byTable("wallet_ledger", entries, Entry::promoterId).entrySet()) {
            for (List<Entry> chunk : Shards.chunks(e.getValue())) {
                List<Object> args = new ArrayList<>(chunk.size() * 11);
                for (Entry entry : chunk) {
                    Delta d = entry.posting().delta();
                    args.add(entry.id());
                    args.add(entry.promoterId());
                    args.add(entry.posting().type().name());
                    args.add(entry.posting().sourceKey());
                    args.add(entry.posting().amountFen());
                    args.add(d.pendingFen());
                    args.add(d.availableFen());
                    args.add(d.frozenFen());
                    args.add(d.withdrawnFen());
                    args.add(d.debtFen());
                    args.add(now);
                }
                shard.jdbc()
                        .update(
                                "INSERT INTO " + e.getKey() + " (" + LEDGER_COLUMNS + ") VALUES "
                                        + Shards.rows(chunk.size(), 11),
                                args.toArray());
            }
        }
    }

    @Override
    public void storeAll(Shards.Shard shard, Map<Long, Balances> balances) {
        if (balances.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (Map.Entry<String, List<Long>> e :
                byTable(shard, "wallet", balances.keySet()).entrySet()) {
            for (List<Long> chunk : Shards.chunks(e.getValue())) {
                List<Object> args = new ArrayList<>(chunk.size() * 7);
                for (Long id : chunk) {
                    Balances b = balances.get(id);
                    args.add(id);
                    args.add(b.pendingFen());
                    args.add(b.availableFen());
                    args.add(b.frozenFen());
                    args.add(b.withdrawnFen());
                    args.add(b.debtFen());
                    args.add(now);
                }
                // every row exists and is locked by this transaction (lockAll): the insert half never applies
                shard.jdbc()
                        .update(
                                "INSERT INTO " + e.getKey() + " (promoter_id, " + BALANCES + ", updated_at) VALUES "
                                        + Shards.rows(chunk.size(), 7)
                                        + " ON DUPLICATE KEY UPDATE pending_fen = VALUES(pending_fen),"
                                        + " available_fen = VALUES(available_fen), frozen_fen = VALUES(frozen_fen),"
                                        + " withdrawn_fen = VALUES(withdrawn_fen), debt_fen = VALUES(debt_fen),"
                                        + " updated_at = VALUES(updated_at)",
                                args.toArray());
            }
        }
    }

    /** Promoter ids grouped by physical table, each group sorted: the order rows are locked in. */
    private static Map<String, List<Long>> byTable(Shards.Shard shard, String logical, Collection<Long> ids) {
        Map<String, List<Long>> out = new TreeMap<>();
        shard.byTable(logical, new TreeSet<>(ids), id -> id).forEach(out::put);
        return out;
    }

    private static String repeat(String row, int n) {
        return String.join(",", Collections.nCopies(n, row));
    }

    @Override
    public Balances ledgerSums(long promoterId) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(pending_delta), 0), COALESCE(SUM(available_delta), 0),"
                        + " COALESCE(SUM(frozen_delta), 0), COALESCE(SUM(withdrawn_delta), 0), COALESCE(SUM(debt_delta), 0)"
                        + " FROM wallet_ledger WHERE promoter_id = ?",
                (rs, i) -> balances(rs),
                promoterId);
    }

    @Override
    public Map<Long, Long> creditedFen(Collection<Long> promoterIds) {
        Map<Long, Long> out = new LinkedHashMap<>();
        if (promoterIds.isEmpty()) {
            return out;
        }
        String marks = String.join(",", Collections.nCopies(promoterIds.size(), "?"));
        // the aggregate carries an alias: ShardingSphere merges the per-shard sums by it
        jdbc.query(
                "SELECT promoter_id, SUM(CASE WHEN entry_type = '" + EntryType.COMMISSION_SETTLED.name()
                        + "' THEN amount_fen ELSE -amount_fen END) AS credited_fen FROM wallet_ledger"
                        + " WHERE entry_type IN ('" + EntryType.COMMISSION_SETTLED.name() + "', '"
                        + EntryType.COMMISSION_REVERSED.name() + "') AND promoter_id IN (" + marks + ")"
                        + " GROUP BY promoter_id",
                rs -> {
                    out.merge(rs.getLong(1), rs.getLong(2), Math::addExact);
                },
                promoterIds.toArray());
        return out;
    }

    private static Balances balances(ResultSet rs) throws SQLException {
        return new Balances(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }
}
