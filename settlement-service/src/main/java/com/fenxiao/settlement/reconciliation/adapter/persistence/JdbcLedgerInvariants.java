package com.fenxiao.settlement.reconciliation.adapter.persistence;

import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.settlement.reconciliation.domain.LedgerInvariants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The invariant queries on each physical database, beside the sharding layer: a commission and its
 * settled event sit in the same database (both keyed by promoter), so every check is local to one
 * database. Counting happens in the database; only counts and bounded pages come back.
 */
@Repository
class JdbcLedgerInvariants implements LedgerInvariants {

    static final String RELEASED = released("");
    static final String SETTLED_TAG = "COMMISSION_SETTLED";

    private final Map<String, JdbcTemplate> databases = new LinkedHashMap<>();
    private final int tables;

    JdbcLedgerInvariants(PhysicalDatabases physical) {
        physical.byName().forEach((name, ds) -> databases.put(name, new JdbcTemplate(ds)));
        this.tables = physical.tablesPerDatabase();
    }

    @Override
    public List<Partition> partitions() {
        List<Partition> out = new ArrayList<>();
        databases.keySet().forEach(name -> out.add(new Partition(name, tables)));
        return out;
    }

    @Override
    public EventCounts countEvents(String database) {
        JdbcTemplate jdbc = of(database);
        long released = 0;
        long missing = 0;
        StringBuilder noReleasedRow = new StringBuilder();
        for (int t = 0; t < tables; t++) {
            String table = table(t);
            released += count(jdbc, "SELECT COUNT(*) FROM " + table + " WHERE " + RELEASED);
            missing += count(
                    jdbc,
                    "SELECT COUNT(*) FROM " + table + " c WHERE " + released("c.")
                            + " AND NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.event_id = CONCAT('settled-', c.id)"
                            + " AND o.tag = '" + SETTLED_TAG + "')");
            noReleasedRow
                    .append(" AND NOT EXISTS (SELECT 1 FROM ")
                    .append(table)
                    .append(" c WHERE c.id = CAST(o.msg_key AS SIGNED) AND ")
                    .append(released("c."))
                    .append(')');
        }
        long duplicates = count(
                jdbc,
                "SELECT COUNT(*) FROM (SELECT msg_key FROM outbox_event WHERE tag = '" + SETTLED_TAG + "'"
                        + " GROUP BY msg_key HAVING COUNT(*) > 1) d");
        long orphans =
                count(jdbc, "SELECT COUNT(*) FROM outbox_event o WHERE o.tag = '" + SETTLED_TAG + "'" + noReleasedRow);
        return new EventCounts(released, missing, duplicates, orphans);
    }

    @Override
    public List<PromoterCredit> creditedPage(String database, int table, long afterPromoterId, int limit) {
        if (table < 0 || table >= tables) {
            throw new IllegalArgumentException("no table " + table);
        }
        return of(database)
                .query(
                        "SELECT promoter_id, SUM(settled_fen) - SUM(reversed_fen) FROM " + table(table)
                                + " WHERE promoter_id > ? AND " + RELEASED
                                + " GROUP BY promoter_id ORDER BY promoter_id LIMIT ?",
                        (rs, i) -> new PromoterCredit(rs.getLong(1), rs.getLong(2)),
                        afterPromoterId,
                        limit);
    }

    /** Money reached the wallet: released, possibly withdrawn or reversed since. */
    private static String released(String alias) {
        return alias + "settled_fen > 0 AND " + alias + "status IN ('AVAILABLE', 'WITHDRAWN', 'REVERSED')";
    }

    private JdbcTemplate of(String database) {
        JdbcTemplate jdbc = databases.get(database);
        if (jdbc == null) {
            throw new IllegalArgumentException("no database " + database);
        }
        return jdbc;
    }

    private static String table(int t) {
        return "settlement_commission_" + t;
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
