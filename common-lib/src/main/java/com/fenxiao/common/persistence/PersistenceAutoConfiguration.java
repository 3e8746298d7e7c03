package com.fenxiao.common.persistence;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A service that sets {@code platform.datasource.name} gets its databases created (when allowed),
 * migrated on every shard, and one logical {@link DataSource}: ShardingSphere over the shards, or the
 * single pool when the service is not sharded.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
@ConditionalOnProperty("platform.datasource.name")
@EnableConfigurationProperties(DatabaseProperties.class)
public class PersistenceAutoConfiguration {

    @Bean(destroyMethod = "")
    public PhysicalDatabases physicalDatabases(DatabaseProperties props) {
        if (props.isCreateDatabases()) {
            DataSources.createDatabasesIfMissing(props);
        }
        PhysicalDatabases physical = DataSources.physical(props, props.getName());
        if (props.isMigrate()) {
            ShardedMigrations.migrate(physical, props.getMigrationFolders());
        }
        return physical;
    }

    @Bean
    @Primary
    public DataSource dataSource(
            DatabaseProperties props, PhysicalDatabases physical, ObjectProvider<ShardedTable> tables) {
        List<ShardedTable> sharded =
                new java.util.ArrayList<>(tables.orderedStream().toList());
        // the outbox and the inbox live beside the rows they belong to
        sharded.add(ShardedTable.acrossDatabases("outbox_event", "shard_key"));
        sharded.add(ShardedTable.acrossDatabases("processed_event", "shard_key"));
        if (!props.isSharded()) {
            return physical.byName().get("ds_0");
        }
        return DataSources.logical(props.getName(), props, physical, sharded);
    }

    @Bean
    public PhysicalDatabasesCloser physicalDatabasesCloser(PhysicalDatabases physical) {
        return new PhysicalDatabasesCloser(physical);
    }
}
