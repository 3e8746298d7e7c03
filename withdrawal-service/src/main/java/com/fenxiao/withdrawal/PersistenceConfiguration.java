package com.fenxiao.withdrawal;

import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;
import com.fenxiao.common.persistence.ShardedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tables this service shards: a promoter's wallet and ledger sit in one physical table pair. */
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

    /** Behind ShardingSphere MyBatis-Plus cannot detect the dialect: name it (STACK.md). */
    @Bean
    MybatisPlusInterceptor mybatisPlusInterceptor() {
        MybatisPlusInterceptor interceptor = new MybatisPlusInterceptor();
        interceptor.addInnerInterceptor(new PaginationInnerInterceptor(DbType.MYSQL));
        return interceptor;
    }
}
