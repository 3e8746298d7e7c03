package com.fenxiao.relation.staff.application;

import com.fenxiao.common.approval.ApprovalRequest;
import com.fenxiao.common.approval.Approvals;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.relation.application.RelationRefusals;
import com.fenxiao.relation.relation.domain.CoolingOff;
import com.fenxiao.relation.relation.domain.Relations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The maker's half of an admin unbind: nothing changes until another staff member approves. */
@Service
public class RequestUnbind {

    /** The maker-checker kind of an admin unbind; its target is the member's user id. */
    public static final String KIND = "UNBIND";

    private final Approvals approvals;
    private final Relations relations;
    private final Transactions tx;

    public RequestUnbind(Approvals approvals, Relations relations, Transactions tx) {
        this.approvals = approvals;
        this.relations = relations;
        this.tx = tx;
    }

    public ApprovalRequest request(long staffId, long userId, String reason, String requestId) {
        return tx.inTransaction(() -> {
            Relations.Bound member = relations.lockMember(userId).orElseThrow(StaffRefusals::memberNotFound);
            if (member.inviterId() == null) {
                throw RelationRefusals.of(CoolingOff.Refusal.NOT_BOUND);
            }
            if (approvals.hasPending(KIND, Long.toString(userId))) {
                throw new PlatformException.Refused(StaffRefusals.UNBIND_ALREADY_REQUESTED, "该会员已有待审批的解绑申请");
            }
            Map<String, Object> chain = new LinkedHashMap<>();
            chain.put("inviterId", String.valueOf(member.inviterId()));
            chain.put("inviterL2Id", member.inviterL2Id() == null ? null : String.valueOf(member.inviterL2Id()));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("targetUserId", String.valueOf(userId));
            payload.put("chain", chain);
            return approvals.request(KIND, Long.toString(userId), payload, reason, staffId, requestId);
        });
    }
}
