package com.fenxiao.withdrawal.payout.adapter.persistence;

import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.withdrawal.payout.domain.PayoutsInFlight;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads each physical withdrawal table (few PAYING rows, found by {@code idx_withdrawal_status}) and
 * takes the payout start from the row's PAYOUT_STARTED audit entry (same shard and suffix): the row's
 * own times move with every bill-state change, so they would hide a payout stuck in retries.
 */
@Repository
class JdbcPayoutsInFlight implements PayoutsInFlight {

    private final List<JdbcTemplate> databases = new ArrayList<>();
    private final int tables;

    JdbcPayoutsInFlight(PhysicalDatabases physical) {
        for (DataSource ds : physical.byName().values()) {
            databases.add(new JdbcTemplate(ds));
        }
        this.tables = physical.tablesPerDatabase();
    }

    @Override
    public Optional<Instant> oldestStartedAt() {
        Instant oldest = null;
        for (JdbcTemplate jdbc : databases) {
            for (int t = 0; t < tables; t++) {
                Timestamp at = jdbc.queryForObject(
                        "SELECT MIN(COALESCE(a.at, w.bill_created_at, w.updated_at)) FROM withdrawal_" + t + " w"
                                + " LEFT JOIN withdrawal_audit_" + t + " a ON a.promoter_id = w.promoter_id"
                                + " AND a.withdrawal_id = w.id AND a.action = 'PAYOUT_STARTED'"
                                + " WHERE w.status = 'PAYING'",
                        Timestamp.class);
                if (at != null && (oldest == null || at.toInstant().isBefore(oldest))) {
                    oldest = at.toInstant();
                }
            }
        }
        return Optional.ofNullable(oldest);
    }
}
