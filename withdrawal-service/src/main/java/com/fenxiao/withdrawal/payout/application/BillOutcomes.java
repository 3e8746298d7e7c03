package com.fenxiao.withdrawal.payout.application;

import com.fenxiao.withdrawal.payout.domain.Bill;
import com.fenxiao.withdrawal.request.application.WithdrawalSteps;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a bill's state means for its withdrawal: SUCCESS pays (once: the row must still be PAYING with
 * this out-bill number), FAIL or CANCELLED return the funds, anything else is recorded and waited on.
 * Each change made is counted in {@code withdrawal.payouts} (CANCELLED only ever follows an unconfirmed
 * bill, so it counts as EXPIRED).
 */
@Component
class BillOutcomes {

    private static final Set<WithdrawalStatus> PAYING = Set.of(WithdrawalStatus.PAYING);

    private final WithdrawalSteps steps;
    private final PayoutMetrics metrics;
    private final Clock clock;

    BillOutcomes(WithdrawalSteps steps, PayoutMetrics metrics, Clock clock) {
        this.steps = steps;
        this.metrics = metrics;
        this.clock = clock;
    }

    Withdrawal apply(Withdrawal w, Bill bill) {
        if (w.outBillNo() == null || !w.outBillNo().equals(bill.outBillNo())) {
            return w; // a bill of an earlier attempt says nothing about this one
        }
        if (bill.succeeded()) {
            return steps.paid(
                            w.promoterId(),
                            w.id(),
                            PAYING,
                            "wechatpay",
                            x -> x.withBill(x.outBillNo(), x.billAttempt(), bill.state(), null, x.billCreatedAt()))
                    .map(paid -> counted(paid, PayoutOutcome.PAID))
                    .orElse(w);
        }
        if (bill.closedUnpaid()) {
            String reason = "WECHAT_" + bill.state() + (bill.failReason() == null ? "" : ":" + bill.failReason());
            return steps.returned(
                            w.promoterId(),
                            w.id(),
                            PAYING,
                            WithdrawalStatus.FAILED,
                            "wechatpay",
                            reason.length() > 200 ? reason.substring(0, 200) : reason,
                            x -> x.withBill(x.outBillNo(), x.billAttempt(), bill.state(), null, x.billCreatedAt()))
                    .map(failed -> counted(
                            failed, "CANCELLED".equals(bill.state()) ? PayoutOutcome.EXPIRED : PayoutOutcome.FAILED))
                    .orElse(w);
        }
        if (bill.state().equals(w.billState())) {
            return w;
        }
        return steps.change(
                        w.promoterId(),
                        w.id(),
                        PAYING,
                        "wechatpay",
                        "BILL_" + bill.state(),
                        x -> x.withBill(
                                x.outBillNo(),
                                x.billAttempt(),
                                bill.state(),
                                bill.packageInfo() != null ? bill.packageInfo() : x.packageInfo(),
                                x.billCreatedAt() != null ? x.billCreatedAt() : clock.instant()),
                        false)
                .orElse(w);
    }

    /** The call's outcome is unknown: recorded, and the bill is queried before any retry. */
    Withdrawal unknown(Withdrawal w) {
        metrics.record(PayoutOutcome.RETRIED, Channel.WECHAT);
        return steps.change(
                        w.promoterId(),
                        w.id(),
                        PAYING,
                        "wechatpay",
                        "BILL_UNKNOWN",
                        x -> x.withBill(x.outBillNo(), x.billAttempt(), "UNKNOWN", x.packageInfo(), x.billCreatedAt()),
                        false)
                .orElse(w);
    }

    /** Counted only when this call made the guarded change (a duplicate finds the row moved and counts nothing). */
    private Withdrawal counted(Withdrawal w, PayoutOutcome outcome) {
        metrics.record(outcome, Channel.WECHAT);
        return w;
    }
}
