package com.fenxiao.common.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The physical databases behind a service's logical data source, by ShardingSphere name
 * ({@code ds_0}, {@code ds_1}, …). Jobs that work shard by shard (outbox relay, settlement) use these
 * directly; business code goes through the logical data source.
 */
public record PhysicalDatabases(
        Map<String, DataSource> byName, Map<String, String> databaseNames, int tablesPerDatabase) {

    public PhysicalDatabases {
        byName = new LinkedHashMap<>(byName);
        databaseNames = new LinkedHashMap<>(databaseNames);
    }

    public int count() {
        return byName.size();
    }
}
