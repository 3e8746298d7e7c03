package com.fenxiao.relation.staff.application;

import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.chain.application.RefreshChains;
import com.fenxiao.relation.relation.application.RelationRefusals;
import com.fenxiao.relation.relation.application.Unbinder;
import com.fenxiao.relation.relation.domain.CoolingOff;
import com.fenxiao.relation.relation.domain.Relations;
import com.fenxiao.relation.staff.domain.ApprovalRequest;
import com.fenxiao.relation.staff.domain.ApprovalStatus;
import com.fenxiao.relation.staff.domain.Approvals;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The checker's half: a second staff member approves (the unbind is executed in the same transaction)
 * or rejects. The requester can do neither to their own request.
 */
@Service
public class DecideUnbind {

    private final Approvals approvals;
    private final Relations relations;
    private final Unbinder unbinder;
    private final RecordAudit audit;
    private final Transactions tx;
    private final RefreshChains refresh;
    private final Clock clock;

    public DecideUnbind(
            Approvals approvals,
            Relations relations,
            Unbinder unbinder,
            RecordAudit audit,
            Transactions tx,
            RefreshChains refresh,
            Clock clock) {
        this.approvals = approvals;
        this.relations = relations;
        this.unbinder = unbinder;
        this.audit = audit;
        this.tx = tx;
        this.refresh = refresh;
        this.clock = clock;
    }

    public void approve(long staffId, long approvalId, String note, String requestId) {
        Set<Long> changed = tx.inTransaction(() -> {
            Instant now = clock.instant();
            ApprovalRequest request = pending(staffId, approvalId);
            Relations.Bound member =
                    relations.lockMember(request.targetUserId()).orElseThrow(StaffRefusals::memberNotFound);
            if (member.inviterId() == null) {
                throw RelationRefusals.of(CoolingOff.Refusal.NOT_BOUND);
            }
            if (!approvals.decide(approvalId, ApprovalStatus.APPROVED, staffId, note, now)) {
                throw StaffRefusals.decided();
            }
            Set<Long> ids = unbinder.unbind(member, false, staffId, approvalId, request.reason(), now);
            Map<String, Object> before = new HashMap<>();
            before.put("inviterId", String.valueOf(member.inviterId()));
            before.put("inviterL2Id", member.inviterL2Id() == null ? null : String.valueOf(member.inviterL2Id()));
            Map<String, Object> after = new HashMap<>();
            after.put("inviterId", null);
            after.put("inviterL2Id", null);
            after.put("approvalId", String.valueOf(approvalId));
            after.put("requesterId", String.valueOf(request.requesterId()));
            audit.record(
                    staffId,
                    "UNBIND_APPROVED",
                    "MEMBER",
                    request.targetUserId(),
                    before,
                    after,
                    note == null ? request.reason() : note,
                    requestId,
                    now);
            return ids;
        });
        refresh.refresh(changed);
    }

    public void reject(long staffId, long approvalId, String note, String requestId) {
        tx.inTransaction(() -> {
            Instant now = clock.instant();
            ApprovalRequest request = pending(staffId, approvalId);
            if (!approvals.decide(approvalId, ApprovalStatus.REJECTED, staffId, note, now)) {
                throw StaffRefusals.decided();
            }
            audit.record(
                    staffId,
                    "UNBIND_REJECTED",
                    "APPROVAL_REQUEST",
                    request.id(),
                    Map.of("status", "PENDING"),
                    Map.of("status", "REJECTED"),
                    note,
                    requestId,
                    now);
            return null;
        });
    }

    private ApprovalRequest pending(long staffId, long approvalId) {
        ApprovalRequest request = approvals.lock(approvalId).orElseThrow(StaffRefusals::approvalNotFound);
        if (request.status() != ApprovalStatus.PENDING) {
            throw StaffRefusals.decided();
        }
        if (request.isSelfApproval(staffId)) {
            throw StaffRefusals.selfApproval();
        }
        return request;
    }
}
