package com.fenxiao.commission;

import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;
import com.fenxiao.common.persistence.ShardedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tables this service shards, and MyBatis-Plus set for MySQL behind ShardingSphere (STACK.md). */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    ShardedTable commissionRecords() {
        return ShardedTable.acrossTables("commission_record", "promoter_id");
    }

    @Bean
    ShardedTable buyerChains() {
        return ShardedTable.acrossTables("buyer_chain", "user_id");
    }

    @Bean
    MybatisPlusInterceptor mybatisPlusInterceptor() {
        MybatisPlusInterceptor interceptor = new MybatisPlusInterceptor();
        interceptor.addInnerInterceptor(new PaginationInnerInterceptor(DbType.MYSQL));
        return interceptor;
    }
}
