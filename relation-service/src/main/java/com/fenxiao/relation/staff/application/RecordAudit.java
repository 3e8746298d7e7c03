package com.fenxiao.relation.staff.application;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.relation.staff.domain.AuditEntry;
import com.fenxiao.relation.staff.domain.AuditLog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;

/** Writes one audit entry inside the transaction of the action it records. */
@Service
public class RecordAudit {

    private final AuditLog log;
    private final IdGenerator ids;
    private final EventCodec json;

    public RecordAudit(AuditLog log, IdGenerator ids, EventCodec json) {
        this.log = log;
        this.ids = ids;
        this.json = json;
    }

    public void record(
            long staffId,
            String action,
            String targetType,
            Object targetId,
            Object before,
            Object after,
            String reason,
            String requestId,
            Instant now) {
        log.append(new AuditEntry(
                ids.nextId(),
                staffId,
                "STAFF",
                action,
                targetType,
                String.valueOf(targetId),
                before == null ? null : json.write(before),
                after == null ? null : json.write(after),
                reason,
                requestId,
                // whole seconds: what every supported database and driver stores exactly, so the hash re-computes
                now.truncatedTo(ChronoUnit.SECONDS)));
    }
}
