package com.fenxiao.settlement.reconciliation.adapter.persistence;

import com.fenxiao.settlement.reconciliation.domain.ReconciliationTotals;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReconciliationTotals implements ReconciliationTotals {

    private static final String UPSERT = "INSERT INTO reconciliation_day (shard_key, day, product_id, paid_fen,"
            + " refunded_fen, cost_fen, commission_fen, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE paid_fen = paid_fen + VALUES(paid_fen),"
            + " refunded_fen = refunded_fen + VALUES(refunded_fen), cost_fen = cost_fen + VALUES(cost_fen),"
            + " commission_fen = commission_fen + VALUES(commission_fen), updated_at = VALUES(updated_at)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcReconciliationTotals(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @Override
    public void addCommission(long shardKey, LocalDate day, Map<String, Long> deltaByProduct) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        deltaByProduct.forEach((product, delta) -> {
            if (delta != 0) {
                rows.add(new Object[] {shardKey, Date.valueOf(day), product, 0, 0, 0, delta, now});
            }
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(UPSERT, rows);
        }
    }

    @Override
    public void addOrder(long shardKey, LocalDate day, String productId, long paidFen, long refundedFen, long costFen) {
        jdbc.update(
                UPSERT,
                shardKey,
                Date.valueOf(day),
                productId,
                paidFen,
                refundedFen,
                costFen,
                0,
                Timestamp.from(clock.instant()));
    }
}
