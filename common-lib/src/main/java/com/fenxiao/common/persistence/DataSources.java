package com.fenxiao.common.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.ShardingSphereDataSourceFactory;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.infra.config.mode.ModeConfiguration;
import org.apache.shardingsphere.infra.config.rule.RuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.NoneShardingStrategyConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.StandardShardingStrategyConfiguration;
import org.apache.shardingsphere.single.config.SingleRuleConfiguration;

/** Builds the physical pools and the ShardingSphere logical data source in front of them. */
public final class DataSources {

    private DataSources() {}

    public static void createDatabasesIfMissing(DatabaseProperties props) {
        try (Connection c = DriverManager.getConnection(props.jdbcUrl(null), props.getUsername(), props.getPassword());
                Statement s = c.createStatement()) {
            for (int i = 0; i < props.databaseCount(); i++) {
                s.execute("CREATE DATABASE IF NOT EXISTS `" + props.physicalName(i)
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create databases on " + props.getHost() + ":" + props.getPort(), e);
        }
    }

    public static PhysicalDatabases physical(DatabaseProperties props, String poolPrefix) {
        Map<String, DataSource> pools = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < props.databaseCount(); i++) {
            HikariConfig config = new HikariConfig();
            config.setPoolName(poolPrefix + "-ds_" + i);
            config.setJdbcUrl(props.jdbcUrl(props.physicalName(i)));
            config.setUsername(props.getUsername());
            config.setPassword(props.getPassword());
            config.setMaximumPoolSize(props.getPoolSize());
            config.setMinimumIdle(Math.min(2, props.getPoolSize()));
            config.setConnectionTimeout(10_000);
            config.setInitializationFailTimeout(-1);
            pools.put("ds_" + i, new HikariDataSource(config));
            names.put("ds_" + i, props.physicalName(i));
        }
        return new PhysicalDatabases(pools, names, props.isSharded() ? props.getTablesPerDatabase() : 1);
    }

    public static DataSource logical(
            String databaseName,
            DatabaseProperties props,
            PhysicalDatabases physical,
            Collection<ShardedTable> tables) {
        int dbs = props.databaseCount();
        int perDb = props.getTablesPerDatabase();
        ShardingRuleConfiguration sharding = new ShardingRuleConfiguration();
        sharding.getShardingAlgorithms().put("db_hash", algorithm(dbs, perDb, "database"));
        sharding.getShardingAlgorithms().put("table_hash", algorithm(dbs, perDb, "table"));
        sharding.setDefaultTableShardingStrategy(new NoneShardingStrategyConfiguration());
        for (ShardedTable table : tables) {
            List<String> nodes = new ArrayList<>();
            for (int d = 0; d < dbs; d++) {
                if (table.perTable()) {
                    for (int t = 0; t < perDb; t++) {
                        nodes.add("ds_" + d + "." + table.logicalName() + "_" + t);
                    }
                } else {
                    nodes.add("ds_" + d + "." + table.logicalName());
                }
            }
            ShardingTableRuleConfiguration rule =
                    new ShardingTableRuleConfiguration(table.logicalName(), String.join(",", nodes));
            rule.setDatabaseShardingStrategy(new StandardShardingStrategyConfiguration(table.shardColumn(), "db_hash"));
            rule.setTableShardingStrategy(
                    table.perTable()
                            ? new StandardShardingStrategyConfiguration(table.shardColumn(), "table_hash")
                            : new NoneShardingStrategyConfiguration());
            sharding.getTables().add(rule);
        }
        SingleRuleConfiguration single = new SingleRuleConfiguration();
        single.setTables(List.of("*.*"));
        single.setDefaultDataSource("ds_0");
        List<RuleConfiguration> rules = List.of(sharding, single);
        Properties ssProps = new Properties();
        ssProps.setProperty("sql-show", "false");
        ssProps.setProperty("check-table-metadata-enabled", "false");
        try {
            return ShardingSphereDataSourceFactory.createDataSource(
                    databaseName, new ModeConfiguration("Standalone", null), physical.byName(), rules, ssProps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build the sharded data source " + databaseName, e);
        }
    }

    private static AlgorithmConfiguration algorithm(int databases, int tables, String target) {
        Properties p = new Properties();
        p.setProperty("strategy", "STANDARD");
        p.setProperty("algorithmClassName", HashModShardingAlgorithm.class.getName());
        p.setProperty("databases", String.valueOf(databases));
        p.setProperty("tables", String.valueOf(tables));
        p.setProperty("target", target);
        return new AlgorithmConfiguration("CLASS_BASED", p);
    }
}
