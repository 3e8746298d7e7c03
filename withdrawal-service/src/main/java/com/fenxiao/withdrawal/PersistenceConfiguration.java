package com.fenxiao.withdrawal;

import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;
import com.fenxiao.common.persistence.ShardedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tables this service shards: a promoter's wallet and ledger sit in one physical table pair; the
 * shared audit log and approval requests of common-lib sit in the first database under shard key 0.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    ShardedTable wallets() {
        return ShardedTable.acrossTables("wallet", "promoter_id");
    }

    @Bean
    ShardedTable walletLedger() {
        return ShardedTable.acrossTables("wallet_ledger", "promoter_id");
    }

    @Bean
    ShardedTable walletCommissions() {
        return ShardedTable.acrossTables("wallet_commission", "promoter_id");
    }

    @Bean
    ShardedTable memberIdentities() {
        return ShardedTable.acrossTables("member_identity", "member_id");
    }

    @Bean
    ShardedTable identityClaims() {
        return ShardedTable.acrossTables("identity_claim", "id_hash");
    }

    @Bean
    ShardedTable withdrawalRows() {
        return ShardedTable.acrossTables("withdrawal", "promoter_id");
    }

    @Bean
    ShardedTable taxWithholdings() {
        return ShardedTable.acrossTables("tax_withholding", "promoter_id");
    }

    @Bean
    ShardedTable withdrawalAudit() {
        return ShardedTable.acrossTables("withdrawal_audit", "promoter_id");
    }

    @Bean
    ShardedTable memberFlags() {
        return ShardedTable.acrossTables("member_flag", "user_id");
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

    /** Behind ShardingSphere MyBatis-Plus cannot detect the dialect: name it (STACK.md). */
    @Bean
    MybatisPlusInterceptor mybatisPlusInterceptor() {
        MybatisPlusInterceptor interceptor = new MybatisPlusInterceptor();
        interceptor.addInnerInterceptor(new PaginationInnerInterceptor(DbType.MYSQL));
        return interceptor;
    }
}
