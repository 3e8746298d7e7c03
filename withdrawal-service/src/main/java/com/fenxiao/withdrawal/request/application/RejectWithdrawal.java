package com.fenxiao.withdrawal.request.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;

/** Finance rejects a withdrawal under review; the frozen funds return to available. */
@Service
public class RejectWithdrawal {

    private final WithdrawalSteps steps;

    public RejectWithdrawal(WithdrawalSteps steps) {
        this.steps = steps;
    }

    public Withdrawal reject(long staffId, long withdrawalId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new PlatformException.InvalidRequest("REASON_REQUIRED", "请填写驳回原因");
        }
        Withdrawal w = steps.find(withdrawalId);
        return steps.returned(
                        w.promoterId(),
                        w.id(),
                        Set.of(WithdrawalStatus.REVIEWING, WithdrawalStatus.AWAITING_SECOND_APPROVAL),
                        WithdrawalStatus.REJECTED,
                        "staff:" + staffId,
                        reason.strip(),
                        UnaryOperator.identity())
                .orElseThrow(ApproveWithdrawal::moved);
    }
}
