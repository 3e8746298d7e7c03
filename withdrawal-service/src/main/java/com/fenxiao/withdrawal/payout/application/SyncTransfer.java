package com.fenxiao.withdrawal.payout.application;

import com.fenxiao.withdrawal.payout.domain.Bill;
import com.fenxiao.withdrawal.payout.domain.TransferBills;
import com.fenxiao.withdrawal.payout.domain.TransferOutcomeUnknown;
import com.fenxiao.withdrawal.request.application.WithdrawalSteps;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Catches up with a bill in flight (callbacks may be lost): queries it and applies its state; a bill
 * still waiting for the member's confirmation after the window is cancelled, and once WeChat Pay
 * confirms the cancellation the funds return.
 */
@Service
public class SyncTransfer {

    private static final Logger log = LoggerFactory.getLogger(SyncTransfer.class);

    private final WithdrawalSteps steps;
    private final BillOutcomes outcomes;
    private final TransferBills bills;
    private final PayOutWithdrawal payOut;
    private final PayoutProperties props;
    private final Clock clock;

    public SyncTransfer(
            WithdrawalSteps steps,
            BillOutcomes outcomes,
            TransferBills bills,
            PayOutWithdrawal payOut,
            PayoutProperties props,
            Clock clock) {
        this.steps = steps;
        this.outcomes = outcomes;
        this.bills = bills;
        this.payOut = payOut;
        this.props = props;
        this.clock = clock;
    }

    public Withdrawal sync(long withdrawalId) {
        Withdrawal w = steps.find(withdrawalId);
        if (w.status() != WithdrawalStatus.PAYING) {
            return w;
        }
        if ("CREATING".equals(w.billState()) || "UNKNOWN".equals(w.billState())) {
            return payOut.payOut(withdrawalId);
        }
        try {
            Optional<Bill> bill = bills.query(w.outBillNo());
            if (bill.isEmpty()) {
                log.error("bill {} of withdrawal {} unknown to WeChat Pay", w.outBillNo(), w.id());
                return w;
            }
            w = outcomes.apply(w, bill.get());
            boolean expired = w.billCreatedAt() != null
                    && !clock.instant().isBefore(w.billCreatedAt().plus(props.getConfirmationWindow()));
            if (w.status() == WithdrawalStatus.PAYING && bill.get().awaitingConfirmation() && expired) {
                log.info("bill {} unconfirmed after {}, cancelling", w.outBillNo(), props.getConfirmationWindow());
                w = outcomes.apply(w, bills.cancel(w.outBillNo()));
            }
            return w;
        } catch (TransferOutcomeUnknown e) {
            log.warn("cannot sync bill {}: {}", w.outBillNo(), e.getMessage());
            return w;
        }
    }
}
