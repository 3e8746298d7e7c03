package com.fenxiao.commission.approval.adapter.persistence;

import com.fenxiao.commission.approval.domain.AuditEntry;
import com.fenxiao.commission.approval.domain.AuditLog;
import com.fenxiao.common.audit.AuditRecord;
import com.fenxiao.common.audit.AuditTrail;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The engine's audit log is the common hash-chained trail. */
@Repository
class JdbcAuditLog implements AuditLog {

    private final AuditTrail trail;

    JdbcAuditLog(DataSource dataSource) {
        this.trail = new AuditTrail(new JdbcTemplate(dataSource));
    }

    @Override
    public void append(AuditEntry e) {
        trail.append(new AuditRecord(
                e.id(),
                e.actorId(),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.before(),
                e.after(),
                e.reason(),
                e.requestId(),
                e.at()));
    }
}
