package com.fenxiao.settlement;

import com.fenxiao.common.persistence.ShardedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    ShardedTable settlementCommissions() {
        return ShardedTable.acrossTables("settlement_commission", "promoter_id");
    }

    @Bean
    ShardedTable settlementPromoters() {
        return ShardedTable.acrossTables("settlement_promoter", "promoter_id");
    }

    @Bean
    ShardedTable settlementOrders() {
        return ShardedTable.acrossTables("settlement_order", "order_id");
    }

    @Bean
    ShardedTable reconciliationDays() {
        return ShardedTable.acrossDatabases("reconciliation_day", "shard_key");
    }

    @Bean
    ShardedTable releaseRuns() {
        return ShardedTable.acrossDatabases("release_run", "shard_key");
    }

    @Bean
    ShardedTable auditLog() {
        return ShardedTable.acrossDatabases("audit_log", "shard_key");
    }

    @Bean
    ShardedTable auditHead() {
        return ShardedTable.acrossDatabases("audit_head", "shard_key");
    }

    @Bean
    ShardedTable approvalRequests() {
        return ShardedTable.acrossDatabases("approval_request", "shard_key");
    }
}
