package com.fenxiao.withdrawal.wallet.adapter.persistence;

import com.fenxiao.withdrawal.wallet.domain.CommissionPending;
import com.fenxiao.withdrawal.wallet.domain.CommissionPendings;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
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
}
