package com.fenxiao.relation.staff.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.relation.application.RelationRefusals;
import com.fenxiao.relation.relation.domain.CoolingOff;
import com.fenxiao.relation.relation.domain.Relations;
import com.fenxiao.relation.staff.domain.ApprovalRequest;
import com.fenxiao.relation.staff.domain.ApprovalStatus;
import com.fenxiao.relation.staff.domain.Approvals;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The maker's half of an admin unbind: nothing changes until another staff member approves. */
@Service
public class RequestUnbind {

    private final Approvals approvals;
    private final Relations relations;
    private final RecordAudit audit;
    private final Transactions tx;
    private final IdGenerator ids;
    private final Clock clock;

    public RequestUnbind(
            Approvals approvals,
            Relations relations,
            RecordAudit audit,
            Transactions tx,
            IdGenerator ids,
            Clock clock) {
        this.approvals = approvals;
        this.relations = relations;
        this.audit = audit;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
    }

    public ApprovalRequest request(long staffId, long userId, String reason, String requestId) {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            Relations.Bound member = relations.lockMember(userId).orElseThrow(StaffRefusals::memberNotFound);
            if (member.inviterId() == null) {
                throw RelationRefusals.of(CoolingOff.Refusal.NOT_BOUND);
            }
            if (approvals.hasPending(ApprovalRequest.UNBIND, userId)) {
                throw new PlatformException.Refused(StaffRefusals.UNBIND_ALREADY_REQUESTED, "该会员已有待审批的解绑申请");
            }
            ApprovalRequest request = new ApprovalRequest(
                    ids.nextId(),
                    ApprovalRequest.UNBIND,
                    userId,
                    reason,
                    staffId,
                    null,
                    ApprovalStatus.PENDING,
                    now,
                    null,
                    null);
            approvals.add(request, requestId);
            Map<String, Object> chain = new LinkedHashMap<>();
            chain.put("inviterId", String.valueOf(member.inviterId()));
            chain.put("inviterL2Id", member.inviterL2Id() == null ? null : String.valueOf(member.inviterL2Id()));
            audit.record(
                    staffId,
                    "UNBIND_REQUESTED",
                    "APPROVAL_REQUEST",
                    request.id(),
                    null,
                    Map.of("status", "PENDING", "targetUserId", String.valueOf(userId), "chain", chain),
                    reason,
                    requestId,
                    now);
            return request;
        });
    }
}
