package com.fenxiao.commission.adjustment.application;

import com.fenxiao.commission.approval.domain.ApprovalKind;
import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.CommissionStatus;
import com.fenxiao.commission.record.domain.Commissions;
import com.fenxiao.common.approval.ApprovalRequest;
import com.fenxiao.common.approval.Approvals;
import com.fenxiao.common.error.PlatformException;
import org.springframework.stereotype.Service;

/** A staff member asks to adjust a pending commission by some fen; another must approve (SPEC §8). */
@Service
public class RequestAdjustment {

    private final Commissions commissions;
    private final Approvals approvals;

    public RequestAdjustment(Commissions commissions, Approvals approvals) {
        this.commissions = commissions;
        this.approvals = approvals;
    }

    public ApprovalRequest request(long commissionId, long deltaFen, String reason, long staffId, String requestId) {
        if (deltaFen == 0) {
            throw new PlatformException.InvalidRequest("ADJUSTMENT_ZERO", "调整金额不能为 0");
        }
        Commission c = commissions
                .findAnywhere(commissionId)
                .orElseThrow(() -> new PlatformException.NotFound("COMMISSION_NOT_FOUND", "佣金记录不存在"));
        if (c.status() != CommissionStatus.PENDING) {
            throw new PlatformException.Refused("COMMISSION_NOT_ADJUSTABLE", "只能调整待结算的佣金");
        }
        if (c.amountFen() + deltaFen < 0) {
            throw new PlatformException.InvalidRequest("ADJUSTMENT_BELOW_ZERO", "调整后佣金不能为负");
        }
        return approvals.request(
                ApprovalKind.COMMISSION_ADJUSTMENT.name(),
                "COMMISSION:" + commissionId,
                new AdjustmentRequest(commissionId, c.promoterId(), c.orderId(), deltaFen),
                reason,
                staffId,
                requestId);
    }
}
