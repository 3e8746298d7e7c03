package com.fenxiao.settlement.reconciliation.adapter.persistence;

import com.fenxiao.settlement.reconciliation.domain.ProductDelta;
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
    public void addCommissions(com.fenxiao.common.shard.Shards.Shard shard, Map<DayProduct, Long> deltas) {
        Map<DayProduct, long[]> rows = new java.util.LinkedHashMap<>();
        deltas.forEach((k, fen) -> rows.put(k, new long[] {0, 0, 0, fen}));
        addAll(shard, rows);
    }

    @Override
    public void addOrders(com.fenxiao.common.shard.Shards.Shard shard, Map<DayProduct, ProductDelta> deltas) {
        Map<DayProduct, long[]> rows = new java.util.LinkedHashMap<>();
        deltas.forEach((k, d) -> rows.put(k, new long[] {d.paidFen(), d.refundedFen(), d.costFen(), 0}));
        addAll(shard, rows);
    }

    /** One multi-row upsert of {paid, refunded, cost, commission} deltas by row. */
    private void addAll(com.fenxiao.common.shard.Shards.Shard shard, Map<DayProduct, long[]> deltas) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> args = new ArrayList<>();
        int rows = 0;
        // in key order: two batches moving the same rows lock them in the same order (no deadlock)
        List<Map.Entry<DayProduct, long[]>> sorted = new ArrayList<>(deltas.entrySet());
        sorted.sort(Map.Entry.comparingByKey(java.util.Comparator.comparingLong(DayProduct::shardKey)
                .thenComparing(DayProduct::day, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(DayProduct::productId)));
        for (Map.Entry<DayProduct, long[]> e : sorted) {
            long[] d = e.getValue();
            if (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] == 0) {
                continue;
            }
            DayProduct k = e.getKey();
            args.addAll(List.of(k.shardKey(), Date.valueOf(k.day()), k.productId(), d[0], d[1], d[2], d[3], now));
            rows++;
        }
        if (rows > 0) {
            shard.jdbc()
                    .update(
                            UPSERT.replace(
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                    "VALUES " + com.fenxiao.common.shard.Shards.rows(rows, 8)),
                            args.toArray());
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
