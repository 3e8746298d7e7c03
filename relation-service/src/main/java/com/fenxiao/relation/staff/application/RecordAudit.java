package com.fenxiao.relation.staff.application;

import com.fenxiao.common.audit.AuditRecord;
import com.fenxiao.common.audit.AuditTrail;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.id.IdGenerator;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Writes one entry of the shared hash-chained audit trail inside the transaction of the action it records. */
@Service
public class RecordAudit {

    private final AuditTrail trail;
    private final IdGenerator ids;
    private final EventCodec json;

    public RecordAudit(AuditTrail trail, IdGenerator ids, EventCodec json) {
        this.trail = trail;
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
        trail.append(new AuditRecord(
                ids.nextId(),
                staffId,
                action,
                targetType,
                String.valueOf(targetId),
                before == null ? null : json.write(before),
                after == null ? null : json.write(after),
                reason,
                requestId,
                now));
    }
}
