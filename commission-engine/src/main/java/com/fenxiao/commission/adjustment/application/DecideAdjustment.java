package com.fenxiao.commission.adjustment.application;

import com.fenxiao.commission.approval.domain.ApprovalKind;
import com.fenxiao.commission.ingestion.application.RecordOrderEvents;
import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.CommissionRefused;
import com.fenxiao.commission.record.domain.Commissions;
import com.fenxiao.common.approval.ApprovalRequest;
import com.fenxiao.common.approval.ApprovalStatus;
import com.fenxiao.common.approval.Approvals;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.event.commission.v1.CommissionAdjusted;
import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.common.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Another staff member approves or rejects an adjustment. An approval is recorded first, then applied
 * on the promoter's shard in one transaction with its CommissionAdjusted event; the approval id is
 * recorded there too, so applying twice (a retried approval) changes nothing. A commission that is no
 * longer pending by then fails the request with the reason.
 */
@Service
public class DecideAdjustment {

    static final String APPLIED = "adjustment-applied";

    private final Approvals approvals;
    private final Commissions commissions;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionTemplate tx;

    public DecideAdjustment(
            Approvals approvals,
            Commissions commissions,
            ProcessedEvents processed,
            Outbox outbox,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.approvals = approvals;
        this.commissions = commissions;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    public ApprovalRequest decide(long approvalId, boolean approve, String note, long staffId, String requestId) {
        String kind = ApprovalKind.COMMISSION_ADJUSTMENT.name();
        ApprovalRequest stored = approvals.load(approvalId, kind);
        ApprovalRequest decided;
        if (approve && stored.status() == ApprovalStatus.APPROVED && stored.appliedAt() == null) {
            // approved earlier but not applied (a crash in between): apply now, once
            if (stored.isSelfApproval(staffId)) {
                throw Approvals.selfApproval();
            }
            decided = stored;
        } else {
            decided = approve
                    ? approvals.approve(approvalId, kind, staffId, note, requestId, null)
                    : approvals.reject(approvalId, kind, staffId, note, requestId);
        }
        if (!approve) {
            return decided;
        }
        AdjustmentRequest adjustment = approvals.payloadOf(decided, AdjustmentRequest.class);
        try {
            tx.executeWithoutResult(status -> apply(decided, adjustment));
        } catch (CommissionRefused e) {
            approvals.markFailed(decided, e.code(), staffId, requestId);
            throw new PlatformException.Refused(e.code(), e.getMessage());
        }
        approvals.markApplied(decided);
        return approvals.load(approvalId, kind);
    }

    private void apply(ApprovalRequest approval, AdjustmentRequest a) {
        if (!processed.markFirstDelivery(APPLIED, Long.toString(approval.id()), a.promoterId())) {
            return;
        }
        Commission current = commissions
                .byId(a.promoterId(), a.commissionId())
                .orElseThrow(() -> new CommissionRefused("COMMISSION_NOT_FOUND", "commission is gone"));
        Instant now = clock.instant();
        Commission adjusted = current.adjustedBy(a.deltaFen(), now);
        commissions.updateAll(List.of(adjusted));
        outbox.append(
                a.promoterId(),
                new CommissionAdjusted(
                        adjusted.id(),
                        adjusted.orderId(),
                        adjusted.promoterId(),
                        a.deltaFen(),
                        adjusted.amountFen(),
                        "manual adjustment: " + approval.reason(),
                        now,
                        null,
                        approval.id(),
                        RecordOrderEvents.productsOf(adjusted),
                        adjusted.version()));
    }
}
