package com.fenxiao.withdrawal.wallet.adapter.persistence;

import com.fenxiao.common.shard.Shards;
import com.fenxiao.withdrawal.wallet.domain.CommissionPending;
import com.fenxiao.withdrawal.wallet.domain.CommissionPendings;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCommissionPendings implements CommissionPendings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcCommissionPendings(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @Override
    public Optional<CommissionPending> find(long promoterId, long commissionId) {
        return jdbc
                .query(
                        "SELECT pending_fen, state, record_version FROM wallet_commission"
                                + " WHERE promoter_id = ? AND commission_id = ?",
                        (rs, i) -> new CommissionPending(
                                commissionId,
                                promoterId,
                                rs.getLong(1),
                                CommissionPending.State.valueOf(rs.getString(2)),
                                (Integer) rs.getObject(3, Integer.class)),
                        promoterId,
                        commissionId)
                .stream()
                .findFirst();
    }

    @Override
    public void save(CommissionPending p) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update(
                "UPDATE wallet_commission SET pending_fen = ?, state = ?, record_version = ?, updated_at = ?"
                        + " WHERE promoter_id = ? AND commission_id = ?",
                p.pendingFen(),
                p.state().name(),
                p.version(),
                now,
                p.promoterId(),
                p.commissionId());
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO wallet_commission (promoter_id, commission_id, pending_fen, state, record_version,"
                            + " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    p.promoterId(),
                    p.commissionId(),
                    p.pendingFen(),
                    p.state().name(),
                    p.version(),
                    now);
        }
    }

    @Override
    public Map<Long, CommissionPending> findAll(Shards.Shard shard, Collection<Ref> refs) {
        Map<Long, CommissionPending> out = new HashMap<>();
        for (Map.Entry<String, List<Ref>> e :
                shard.byTable("wallet_commission", refs, Ref::promoterId).entrySet()) {
            List<Ref> all = e.getValue();
            Set<Ref> wanted = new HashSet<>(all);
            for (List<Ref> chunk : Shards.chunks(all)) {
                Set<Long> promoters = new TreeSet<>();
                Set<Long> commissions = new TreeSet<>();
                chunk.forEach(r -> {
                    promoters.add(r.promoterId());
                    commissions.add(r.commissionId());
                });
                List<Object> args = new ArrayList<>(promoters);
                args.addAll(commissions);
                shard.jdbc()
                        .query(
                                "SELECT promoter_id, commission_id, pending_fen, state, record_version FROM "
                                        + e.getKey() + " WHERE promoter_id IN (" + Shards.marks(promoters.size())
                                        + ") AND commission_id IN (" + Shards.marks(commissions.size()) + ")",
                                rs -> {
                                    CommissionPending p = new CommissionPending(
                                            rs.getLong(2),
                                            rs.getLong(1),
                                            rs.getLong(3),
                                            CommissionPending.State.valueOf(rs.getString(4)),
                                            (Integer) rs.getObject(5, Integer.class));
                                    if (wanted.contains(new Ref(p.promoterId(), p.commissionId()))) {
                                        out.put(p.commissionId(), p);
                                    }
                                },
                                args.toArray());
            }
        }
        return out;
    }

    @Override
    public void saveAll(Shards.Shard shard, Collection<CommissionPending> pendings) {
        if (pendings.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (Map.Entry<String, List<CommissionPending>> e : shard.byTable(
                        "wallet_commission", pendings, CommissionPending::promoterId)
                .entrySet()) {
            // in key order: two transactions upserting overlapping rows take their locks in the same order
            List<CommissionPending> all = new ArrayList<>(e.getValue());
            all.sort(Comparator.comparingLong(CommissionPending::promoterId)
                    .thenComparingLong(CommissionPending::commissionId));
            for (List<CommissionPending> chunk : Shards.chunks(all)) {
                List<Object> args = new ArrayList<>(chunk.size() * 6);
                for (CommissionPending p : chunk) {
                    args.add(p.promoterId());
                    args.add(p.commissionId());
                    args.add(p.pendingFen());
                    args.add(p.state().name());
                    args.add(p.version());
                    args.add(now);
                }
                shard.jdbc()
                        .update(
                                "INSERT INTO " + e.getKey()
                                        + " (promoter_id, commission_id, pending_fen, state, record_version, updated_at)"
                                        + " VALUES " + Shards.rows(chunk.size(), 6)
                                        + " ON DUPLICATE KEY UPDATE pending_fen = VALUES(pending_fen),"
                                        + " state = VALUES(state), record_version = VALUES(record_version),"
                                        + " updated_at = VALUES(updated_at)",
                                args.toArray());
            }
        }
    }
}
