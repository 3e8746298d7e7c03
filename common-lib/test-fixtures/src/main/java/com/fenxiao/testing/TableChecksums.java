package com.fenxiao.testing;

import com.fenxiao.common.persistence.PhysicalDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * {@code CHECKSUM TABLE} over every base table of a service's physical databases: two takes that
 * differ name the tables something wrote to. Tables matched by an exclusion are left out; each
 * exclusion carries the reason it is legitimate for that table to change with no request.
 */
public final class TableChecksums {

    private final Map<String, DataSource> databases = new LinkedHashMap<>();
    private final Map<Pattern, String> excluded = new LinkedHashMap<>();
    private Map<String, List<String>> tables;

    public TableChecksums(PhysicalDatabases physical) {
        physical.byName().forEach((name, ds) -> databases.put(name, ds));
    }

    public TableChecksums(Map<String, DataSource> byName) {
        byName.forEach((name, ds) -> databases.put(name, ds));
    }

    /** Leaves out tables whose unqualified name matches {@code regex}; {@code why} says why they may change. */
    public TableChecksums exclude(String regex, String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("an excluded table needs its reason: " + regex);
        }
        excluded.put(Pattern.compile(regex), why);
        tables = null;
        return this;
    }

    /** The checksum of every watched table, by "database.table". */
    public Map<String, Long> take() {
        if (tables == null) {
            tables = listTables();
        }
        Map<String, Long> out = new TreeMap<>();
        tables.forEach((name, list) -> {
            if (list.isEmpty()) {
                return;
            }
            String sql = "CHECKSUM TABLE "
                    + String.join(", ", list.stream().map(t -> "`" + t + "`").toList());
            query(databases.get(name), sql, rs -> {
                Object sum = rs.getObject(2);
                out.put(rs.getString(1), sum == null ? null : ((Number) sum).longValue());
            });
        });
        return out;
    }

    /** The tables whose checksum differs between two takes. */
    public static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (!before.containsKey(e.getKey()) || !Objects.equals(before.get(e.getKey()), e.getValue())) {
                out.add(e.getKey());
            }
        }
        for (String t : before.keySet()) {
            if (!after.containsKey(t)) {
                out.add(t + " (gone)");
            }
        }
        return out;
    }

    public int tableCount() {
        if (tables == null) {
            tables = listTables();
        }
        return tables.values().stream().mapToInt(List::size).sum();
    }

    public Map<String, String> exclusions() {
        Map<String, String> out = new LinkedHashMap<>();
        excluded.forEach((p, why) -> out.put(p.pattern(), why));
        return out;
    }

    private Map<String, List<String>> listTables() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        databases.forEach((name, ds) -> {
            List<String> list = new ArrayList<>();
            query(ds, "SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'", rs -> {
                String table = rs.getString(1);
                if (excluded.keySet().stream().noneMatch(p -> p.matcher(table).matches())) {
                    list.add(table);
                }
            });
            out.put(name, list);
        });
        return out;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(DataSource ds, String sql, Row row) {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
