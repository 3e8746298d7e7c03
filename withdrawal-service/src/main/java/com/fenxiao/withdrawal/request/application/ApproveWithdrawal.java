package com.fenxiao.withdrawal.request.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.withdrawal.request.domain.ReviewPolicy;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Finance approves a withdrawal under review (SPEC §6, §8). From the dual-approval threshold the first
 * approval only records the maker; a second, different staff member (the checker) approves it.
 */
@Service
public class ApproveWithdrawal {

    private final WithdrawalSteps steps;
    private final WithdrawalProperties props;

    public ApproveWithdrawal(WithdrawalSteps steps, WithdrawalProperties props) {
        this.steps = steps;
        this.props = props;
    }

    public Withdrawal approve(long staffId, long withdrawalId) {
        Withdrawal w = steps.find(withdrawalId);
        String actor = "staff:" + staffId;
        if (w.status() == WithdrawalStatus.REVIEWING) {
            boolean dual = props.review().reviewOf(w.amountFen(), false) == ReviewPolicy.Review.DUAL;
            WithdrawalStatus next = dual ? WithdrawalStatus.AWAITING_SECOND_APPROVAL : WithdrawalStatus.APPROVED;
            return steps.change(
                            w.promoterId(),
                            w.id(),
                            Set.of(WithdrawalStatus.REVIEWING),
                            actor,
                            dual ? "FIRST_APPROVAL" : "APPROVED",
                            x -> x.withApprovers(staffId, null).withStatus(next, x.updatedAt()),
                            !dual)
                    .orElseThrow(ApproveWithdrawal::moved);
        }
        if (w.status() == WithdrawalStatus.AWAITING_SECOND_APPROVAL) {
            if (w.firstApprover() != null && w.firstApprover() == staffId) {
                throw new PlatformException.Refused("SELF_APPROVAL_REFUSED", "大额提现须由另一位财务人员复核");
            }
            return steps.change(
                            w.promoterId(),
                            w.id(),
                            Set.of(WithdrawalStatus.AWAITING_SECOND_APPROVAL),
                            actor,
                            "SECOND_APPROVAL",
                            x -> x.withApprovers(x.firstApprover(), staffId)
                                    .withStatus(WithdrawalStatus.APPROVED, x.updatedAt()),
                            true)
                    .orElseThrow(ApproveWithdrawal::moved);
        }
        throw moved();
    }

    static PlatformException moved() {
        return new PlatformException.Refused("WITHDRAWAL_STATE_CHANGED", "该提现当前状态不允许此操作");
    }
}
