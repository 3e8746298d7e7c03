package com.fenxiao.withdrawal.wallet.adapter.persistence;

import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.Delta;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWallets implements Wallets {

    private static final String BALANCES = "pending_fen, available_fen, frozen_fen, withdrawn_fen, debt_fen";

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
