package com.fenxiao.withdrawal.payout.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.withdrawal.request.application.StaffAction;
import com.fenxiao.withdrawal.request.application.WithdrawalSteps;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Finance paid a batch line in the bank: the withdrawal is paid, with the bank's reference. Once; audited. */
@Service
public class MarkBankPaid {

    private final WithdrawalSteps steps;
    private final PayoutMetrics metrics;

    public MarkBankPaid(WithdrawalSteps steps, PayoutMetrics metrics) {
        this.steps = steps;
        this.metrics = metrics;
    }

    public Withdrawal markPaid(long staffId, long withdrawalId, String bankReference, String requestId) {
        if (bankReference == null || bankReference.isBlank() || bankReference.length() > 64) {
            throw new PlatformException.InvalidRequest("BANK_REFERENCE_REQUIRED", "请填写银行流水号");
        }
        Withdrawal w = steps.find(withdrawalId);
        if (w.channel() != Channel.BANK) {
            throw new PlatformException.Refused("WITHDRAWAL_NOT_BANK", "该提现不是银行卡提现");
        }
        Withdrawal paid = steps.paid(
                        w.promoterId(),
                        w.id(),
                        Set.of(WithdrawalStatus.BANK_EXPORTED),
                        "staff:" + staffId,
                        x -> x.withBank(x.bankBatch(), bankReference.strip()),
                        new StaffAction(staffId, "WITHDRAWAL_MARKED_PAID", null, requestId))
                .orElseThrow(() -> new PlatformException.Refused("WITHDRAWAL_STATE_CHANGED", "该提现当前状态不允许此操作"));
        metrics.record(PayoutOutcome.PAID, Channel.BANK);
        return paid;
    }
}
