package com.fenxiao.settlement.reconciliation.adapter.persistence;

import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.settlement.reconciliation.domain.DayProductTotals;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationDays;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code reconciliation_day} on each physical database (a day and product may have rows in
 * several, one per shard key) and merges them. Each database returns its first {@code limit} groups
 * after the position in (day, product) order; the first {@code limit} groups of the merge are then
 * complete, because a database that left a group out had {@code limit} smaller ones. Product ids are
 * compared in binary collation (V2), the same order as {@link #BY_POSITION}.
 */
@Repository
class JdbcReconciliationDays implements ReconciliationDays {

    static final Comparator<Position> BY_POSITION = Comparator.comparing(Position::day)
            .thenComparing(Position::productId, JdbcReconciliationDays::compareCodePoints);

    private final List<JdbcTemplate> databases = new ArrayList<>();

    JdbcReconciliationDays(PhysicalDatabases physical) {
        physical.byName().values().forEach(ds -> databases.add(new JdbcTemplate(ds)));
    }

    @Override
    public List<DayProductTotals> page(LocalDate from, LocalDate to, String productId, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT day, product_id, SUM(paid_fen), SUM(refunded_fen),"
                + " SUM(cost_fen), SUM(commission_fen) FROM reconciliation_day WHERE day >= ? AND day <= ?");
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
        if (productId != null) {
            sql.append(" AND product_id = ?");
            args.add(productId);
        }
        if (after != null) {
            sql.append(" AND (day > ? OR (day = ? AND product_id > ?))");
            args.add(Date.valueOf(after.day()));
            args.add(Date.valueOf(after.day()));
            args.add(after.productId());
        }
        sql.append(" GROUP BY day, product_id ORDER BY day, product_id LIMIT ?");
        args.add(limit);
        Map<Position, DayProductTotals> merged = new TreeMap<>(BY_POSITION);
        for (JdbcTemplate jdbc : databases) {
            jdbc.query(
                    sql.toString(),
                    rs -> {
                        DayProductTotals t = new DayProductTotals(
                                rs.getObject(1, LocalDate.class),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6));
                        merged.merge(new Position(t.day(), t.productId()), t, DayProductTotals::plus);
                    },
                    args.toArray());
        }
        List<DayProductTotals> out = new ArrayList<>(Math.min(limit, merged.size()));
        for (DayProductTotals t : merged.values()) {
            if (out.size() == limit) {
                break;
            }
            out.add(t);
        }
        return out;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
