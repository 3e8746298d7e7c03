package com.fenxiao.relation.staff.application;

import com.fenxiao.common.approval.Approvals;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.chain.application.RefreshChains;
import com.fenxiao.relation.relation.application.RelationRefusals;
import com.fenxiao.relation.relation.application.Unbinder;
import com.fenxiao.relation.relation.domain.CoolingOff;
import com.fenxiao.relation.relation.domain.Relations;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The checker's half: a second staff member approves (the unbind is executed in the same transaction
 * as the decision and its audit entry) or rejects. The requester can do neither to their own request.
 */
@Service
public class DecideUnbind {

    private final Approvals approvals;
    private final Relations relations;
    private final Unbinder unbinder;
    private final Transactions tx;
    private final RefreshChains refresh;
    private final Clock clock;

    public DecideUnbind(
            Approvals approvals,
            Relations relations,
            Unbinder unbinder,
            Transactions tx,
            RefreshChains refresh,
            Clock clock) {
        this.approvals = approvals;
        this.relations = relations;
        this.unbinder = unbinder;
        this.tx = tx;
        this.refresh = refresh;
        this.clock = clock;
    }

    public void approve(long staffId, long approvalId, String note, String requestId) {
        Set<Long> changed = new HashSet<>();
        tx.inTransaction(() -> approvals.approve(approvalId, RequestUnbind.KIND, staffId, note, requestId, request -> {
            changed.clear(); // a retried transaction starts over
            long userId = Long.parseLong(request.target());
            Relations.Bound member = relations.lockMember(userId).orElseThrow(StaffRefusals::memberNotFound);
            if (member.inviterId() == null) {
                throw RelationRefusals.of(CoolingOff.Refusal.NOT_BOUND);
            }
            changed.addAll(unbinder.unbind(member, false, staffId, approvalId, request.reason(), clock.instant()));
            Map<String, Object> before = new HashMap<>();
            before.put("inviterId", String.valueOf(member.inviterId()));
            before.put("inviterL2Id", member.inviterL2Id() == null ? null : String.valueOf(member.inviterL2Id()));
            Map<String, Object> after = new HashMap<>();
            after.put("inviterId", null);
            after.put("inviterL2Id", null);
            after.put("approvalId", String.valueOf(approvalId));
            after.put("requesterId", String.valueOf(request.requestedBy()));
            return new Approvals.AuditNote("MEMBER", Long.toString(userId), before, after);
        }));
        refresh.refresh(changed);
    }

    public void reject(long staffId, long approvalId, String note, String requestId) {
        approvals.reject(approvalId, RequestUnbind.KIND, staffId, note, requestId);
    }
}
