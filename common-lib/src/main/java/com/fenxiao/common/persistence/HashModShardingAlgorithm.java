package com.fenxiao.common.persistence;

import java.util.Collection;
import java.util.Properties;
import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.RangeShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.StandardShardingAlgorithm;

/**
 * ShardingSphere's side of {@link ShardRouting}: props {@code databases}, {@code tables} and
 * {@code target} ({@code database} or {@code table}). Range conditions go to every target.
 */
public final class HashModShardingAlgorithm implements StandardShardingAlgorithm<Comparable<?>> {

    private int databases;
    private int tables;
    private boolean database;

    @Override
    public void init(Properties props) {
        databases = Integer.parseInt(props.getProperty("databases"));
        tables = Integer.parseInt(props.getProperty("tables"));
        database = "database".equals(props.getProperty("target"));
    }

    @Override
    public String doSharding(Collection<String> targets, PreciseShardingValue<Comparable<?>> value) {
        int index = database
                ? ShardRouting.database(value.getValue(), databases, tables)
                : ShardRouting.table(value.getValue(), databases, tables);
        String suffix = "_" + index;
        for (String target : targets) {
            if (target.endsWith(suffix)) {
                return target;
            }
        }
        throw new IllegalStateException("no target ending in " + suffix + " among " + targets);
    }

    @Override
    public Collection<String> doSharding(Collection<String> targets, RangeShardingValue<Comparable<?>> value) {
        return targets;
    }

    @Override
    public String getType() {
        return "CLASS_BASED";
    }
}
