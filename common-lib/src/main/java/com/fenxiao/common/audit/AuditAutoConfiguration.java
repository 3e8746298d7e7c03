package com.fenxiao.common.audit;

import com.fenxiao.common.approval.Approvals;
import com.fenxiao.common.audit.web.AuditController;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.persistence.PersistenceAutoConfiguration;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit trail, its queries and verifier, maker-checker approvals, and the staff audit endpoints,
 * for every service that owns the shared {@code audit_log}, {@code audit_head} and
 * {@code approval_request} tables and says so with {@code platform.audit.enabled=true}.
 */
@AutoConfiguration(after = {PersistenceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass(name = "org.springframework.jdbc.core.JdbcTemplate")
@ConditionalOnProperty(name = "platform.audit.enabled", havingValue = "true")
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public AuditTrail auditTrail(DataSource dataSource) {
        return new AuditTrail(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    public AuditQueries auditQueries(DataSource dataSource) {
        return new AuditQueries(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    public AuditChainVerifier auditChainVerifier(DataSource dataSource) {
        return new AuditChainVerifier(new JdbcTemplate(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    public Approvals approvals(
            DataSource dataSource,
            AuditTrail trail,
            IdGenerator ids,
            Clock clock,
            ObjectProvider<EventCodec> codec,
            PlatformTransactionManager transactions) {
        return new Approvals(
                new JdbcTemplate(dataSource), trail, ids, clock, codec.getIfAvailable(EventCodec::new), transactions);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {
        @Bean
        public AuditController auditController(AuditQueries queries, AuditChainVerifier verifier) {
            return new AuditController(queries, verifier);
        }
    }
}
