package com.fenxiao.commission.persistence;

import com.fenxiao.common.persistence.DatabaseProperties;
import com.fenxiao.common.persistence.ShardRouting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Groups keys by the physical table {@link ShardRouting} sends them to, so a batched statement can be
 * issued once per table with only that table's keys.
 */
@Component
public class ShardTables {

    private final int databases;
    private final int tables;

    public ShardTables(DatabaseProperties props) {
        this.databases = props.databaseCount();
        this.tables = props.getTablesPerDatabase();
    }

    public <K> Collection<List<K>> byTable(Collection<K> keys) {
        return byTable(keys, k -> k);
    }

    public <T> Collection<List<T>> byTable(Collection<T> items, Function<T, Object> shardKey) {
        Map<Integer, List<T>> out = new TreeMap<>();
        for (T item : new LinkedHashSet<>(items)) {
            out.computeIfAbsent(ShardRouting.slot(shardKey.apply(item), databases, tables), s -> new ArrayList<>())
                    .add(item);
        }
        return out.values();
    }
}
