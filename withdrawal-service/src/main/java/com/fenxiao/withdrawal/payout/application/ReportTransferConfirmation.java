package com.fenxiao.withdrawal.payout.application;

import com.fenxiao.withdrawal.payout.domain.ConfirmationResult;
import com.fenxiao.withdrawal.request.application.WithdrawalSteps;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import com.fenxiao.withdrawal.request.domain.Withdrawals;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The member's mini-program reports how {@code wx.requestMerchantTransfer} ended. The report is recorded
 * once per bill and result in the withdrawal's history and never moves money: the bill is then queried
 * (CONFIRMED, FAILED) so WeChat Pay's own state settles the withdrawal sooner, and a CANCELLED report
 * also cancels a bill still waiting, so its funds return now. A report may arrive after the callback
 * settled the withdrawal (PAID, FAILED): it is recorded and answered with the settled state.
 */
@Service
public class ReportTransferConfirmation {

    static final int DETAIL_LENGTH = 200;
    private static final Set<WithdrawalStatus> BILL_SENT =
            Set.of(WithdrawalStatus.PAYING, WithdrawalStatus.PAID, WithdrawalStatus.FAILED);

    private final Withdrawals withdrawals;
    private final WithdrawalSteps steps;
    private final SyncTransfer sync;

    public ReportTransferConfirmation(Withdrawals withdrawals, WithdrawalSteps steps, SyncTransfer sync) {
        this.withdrawals = withdrawals;
        this.steps = steps;
        this.sync = sync;
    }

    /** What was reported and what the withdrawal is now. */
    public record Reported(Withdrawal withdrawal, ConfirmationResult result, boolean firstReport) {}

    public Reported report(long memberId, long withdrawalId, ConfirmationResult result, String errMsg) {
        Withdrawal w = withdrawals.of(memberId, withdrawalId).orElseThrow(ConfirmationRefusals::notFound);
        if (w.channel() != Channel.WECHAT || w.outBillNo() == null || !BILL_SENT.contains(w.status())) {
            throw ConfirmationRefusals.notAwaiting();
        }
        String detail = errMsg == null || errMsg.isBlank()
                ? null
                : errMsg.strip().substring(0, Math.min(errMsg.strip().length(), DETAIL_LENGTH));
        boolean first = steps.reported(
                w.promoterId(),
                w.id(),
                "member:" + memberId,
                "MEMBER_REPORTED_" + result.name(),
                detail,
                w.outBillNo() + ":" + result.name());
        if (w.status() == WithdrawalStatus.PAYING) {
            w = result == ConfirmationResult.CANCELLED ? sync.cancelNow(w.id()) : sync.sync(w.id());
        }
        return new Reported(w, result, first);
    }
}
