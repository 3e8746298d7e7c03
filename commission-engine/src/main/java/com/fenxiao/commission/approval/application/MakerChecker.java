package com.fenxiao.commission.approval.application;

import com.fenxiao.commission.approval.domain.ApprovalKind;
import com.fenxiao.commission.approval.domain.ApprovalRefused;
import com.fenxiao.commission.approval.domain.ApprovalRequest;
import com.fenxiao.commission.approval.domain.ApprovalStatus;
import com.fenxiao.commission.approval.domain.Approvals;
import com.fenxiao.commission.approval.domain.AuditEntry;
import com.fenxiao.commission.approval.domain.AuditLog;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.id.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maker-checker (SPEC §8): one staff member requests, another approves or rejects; self-approval is
 * refused ({@code SELF_APPROVAL}); each step is audited in the transaction that takes it. The approval
 * tables live in the first database, so a decision and an effect kept there (a rule version) commit
 * together; an effect elsewhere (a commission on a promoter's shard) runs after the decision and is
 * idempotent by approval id, and {@link #markApplied} / {@link #markFailed} close the request.
 */
@Service
public class MakerChecker {

    private final Approvals approvals;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final EventCodec json;
    private final TransactionTemplate tx;

    public MakerChecker(
            Approvals approvals,
            AuditLog audit,
            IdGenerator ids,
            Clock clock,
            EventCodec json,
            PlatformTransactionManager transactions) {
        this.approvals = approvals;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    public ApprovalRequest request(
            ApprovalKind kind, String target, Object payload, String reason, long staffId, String requestId) {
        Instant now = clock.instant();
        ApprovalRequest request;
        try {
            request = ApprovalRequest.open(ids.nextId(), kind, target, json.write(payload), reason, staffId, now);
        } catch (ApprovalRefused e) {
            throw new PlatformException.InvalidRequest(e.code(), e.getMessage());
        }
        return tx.execute(status -> {
            approvals.add(request);
            audit.append(new AuditEntry(
                    ids.nextId(),
                    staffId,
                    kind + "_REQUESTED",
                    "APPROVAL",
                    Long.toString(request.id()),
                    null,
                    request.payload(),
                    reason,
                    requestId,
                    now));
            return request;
        });
    }

    /**
     * Records the checker's decision; with {@code effect} (approval only) runs it in the same transaction,
     * so decision, effect and audit commit together.
     */
    public ApprovalRequest decide(
            long id,
            ApprovalKind kind,
            long staffId,
            boolean approve,
            String note,
            String requestId,
            Consumer<ApprovalRequest> effect) {
        return tx.execute(status -> {
            ApprovalRequest stored = load(id, kind);
            ApprovalRequest decided;
            try {
                decided = stored.decide(staffId, approve, note, clock.instant());
            } catch (ApprovalRefused e) {
                throw new PlatformException.Refused(e.code(), e.getMessage());
            }
            if (approve && effect != null) {
                effect.accept(decided);
                decided = decided.applied(clock.instant());
            }
            if (!approvals.replace(decided, ApprovalStatus.PENDING)) {
                throw new PlatformException.Refused(ApprovalRefused.ALREADY_DECIDED, "该申请已被处理");
            }
            audit.append(new AuditEntry(
                    ids.nextId(),
                    staffId,
                    kind + (approve ? "_APPROVED" : "_REJECTED"),
                    "APPROVAL",
                    Long.toString(id),
                    json.write(Map.of("status", stored.status().name())),
                    json.write(Map.of("status", decided.status().name())),
                    note,
                    requestId,
                    decided.decidedAt()));
            return decided;
        });
    }

    public void markApplied(ApprovalRequest approved, long staffId, String requestId) {
        tx.executeWithoutResult(status -> {
            ApprovalRequest applied = approved.applied(clock.instant());
            approvals.replace(applied, ApprovalStatus.APPROVED);
        });
    }

    public void markFailed(ApprovalRequest approved, String why, long staffId, String requestId) {
        tx.executeWithoutResult(status -> {
            ApprovalRequest failed = approved.failed(why, clock.instant());
            if (approvals.replace(failed, ApprovalStatus.APPROVED)) {
                audit.append(new AuditEntry(
                        ids.nextId(),
                        staffId,
                        approved.kind() + "_FAILED",
                        "APPROVAL",
                        Long.toString(approved.id()),
                        null,
                        null,
                        why,
                        requestId,
                        failed.appliedAt()));
            }
        });
    }

    public ApprovalRequest load(long id, ApprovalKind kind) {
        ApprovalRequest stored =
                approvals.byId(id).orElseThrow(() -> new PlatformException.NotFound("APPROVAL_NOT_FOUND", "申请不存在"));
        if (stored.kind() != kind) {
            throw new PlatformException.NotFound("APPROVAL_NOT_FOUND", "申请不存在");
        }
        return stored;
    }

    public List<ApprovalRequest> list(ApprovalKind kind, ApprovalStatus status, Long beforeId, int size) {
        return approvals.list(kind, status, beforeId, size);
    }

    public <T> T payloadOf(ApprovalRequest request, Class<T> type) {
        try {
            return json.mapper().readValue(request.payload(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable payload of approval " + request.id(), e);
        }
    }
}
