package com.fenxiao.commission.persistence;

import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.common.persistence.ShardRouting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Batched key look-ups on a table sharded across tables: one round trip per physical database (a
 * {@code UNION ALL} over the tables the keys route to) instead of one per physical table, which is what
 * ShardingSphere sends for an {@code IN} list. Routing is {@link ShardRouting}, the rule ShardingSphere
 * itself is configured with, so each key is looked for exactly where it was written. Read-only, outside
 * any transaction: the order path's look-ups (chains, standings) only.
 */
@Component
public class ShardedLookups {

    private final PhysicalDatabases physical;
    private final List<DataSource> databases;

    public ShardedLookups(PhysicalDatabases physical) {
        this.physical = physical;
        this.databases = new ArrayList<>(physical.byName().values());
    }

    /**
     * @param select the columns and table prefix, e.g. {@code "SELECT user_id, x FROM buyer_chain_"} (the table
     *     index is appended)
     * @param keyColumn the shard column the keys are matched on
     */
    public void query(String select, String keyColumn, Collection<Long> keys, RowCallbackHandler rows) {
        int dbs = databases.size();
        int tables = physical.tablesPerDatabase();
        Map<Integer, Map<Integer, List<Long>>> routed = new TreeMap<>();
        for (Long key : new LinkedHashSet<>(keys)) {
            routed.computeIfAbsent(ShardRouting.database(key, dbs, tables), d -> new TreeMap<>())
                    .computeIfAbsent(ShardRouting.table(key, dbs, tables), t -> new ArrayList<>())
                    .add(key);
        }
        for (Map.Entry<Integer, Map<Integer, List<Long>>> db : routed.entrySet()) {
            StringBuilder sql = new StringBuilder();
            List<Object> args = new ArrayList<>();
            for (Map.Entry<Integer, List<Long>> table : db.getValue().entrySet()) {
                if (!sql.isEmpty()) {
                    sql.append(" UNION ALL ");
                }
                sql.append(select)
                        .append(table.getKey())
                        .append(" WHERE ")
                        .append(keyColumn)
                        .append(" IN (");
                for (int i = 0; i < table.getValue().size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                sql.append(')');
                args.addAll(table.getValue());
            }
            new JdbcTemplate(databases.get(db.getKey())).query(sql.toString(), rows, args.toArray());
        }
    }
}
