package com.fenxiao.commission;

import com.fenxiao.common.persistence.ShardedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tables this service shards. Commission records by promoter (a promoter's list is one table; one
 * (order, level) is one row because its promoter is fixed at payment); order snapshots by order id;
 * chains and member standings by user id; the small global tables (rules, approvals, audit) sit in the
 * first database under shard key 0.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    ShardedTable commissionRecords() {
        return ShardedTable.acrossTables("commission_record", "promoter_id");
    }

    @Bean
    ShardedTable orderSnapshots() {
        return ShardedTable.acrossTables("order_snapshot", "order_id");
    }

    @Bean
    ShardedTable buyerChains() {
        return ShardedTable.acrossTables("buyer_chain", "user_id");
    }

    @Bean
    ShardedTable memberStates() {
        return ShardedTable.acrossTables("member_state", "user_id");
    }

    @Bean
    ShardedTable commissionRules() {
        return ShardedTable.acrossDatabases("commission_rule", "shard_key");
    }

    @Bean
    ShardedTable approvalRequests() {
        return ShardedTable.acrossDatabases("approval_request", "shard_key");
    }

    @Bean
    ShardedTable auditLog() {
        return ShardedTable.acrossDatabases("audit_log", "shard_key");
    }

    @Bean
    ShardedTable auditHead() {
        return ShardedTable.acrossDatabases("audit_head", "shard_key");
    }
}
