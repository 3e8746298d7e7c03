package com.fenxiao.common.persistence;

/**
 * A logical table that a service shards. {@code perTable} tables are split over databases and tables
 * ({@code t_0 … t_n} in each database); the others over databases only (one {@code t} per database,
 * e.g. the outbox, which must sit in the same database as the rows it announces).
 * Every row of one shard key lands in one physical table, so a unique key holds for it.
 */
public record ShardedTable(String logicalName, String shardColumn, boolean perTable) {

    public static ShardedTable acrossTables(String logicalName, String shardColumn) {
        return new ShardedTable(logicalName, shardColumn, true);
    }

    public static ShardedTable acrossDatabases(String logicalName, String shardColumn) {
        return new ShardedTable(logicalName, shardColumn, false);
    }
}
