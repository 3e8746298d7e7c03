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

    /**
     * The member reported cancelling WeChat's confirmation page: the bill is queried and, while it still
     * waits for the member, cancelled at once, so the funds return now rather than after the window. A
     * bill confirmed meanwhile is applied as it is (paid); the funds move only on WeChat Pay's answer.
     */
    public Withdrawal cancelNow(long withdrawalId) {
        Withdrawal w = steps.find(withdrawalId);
        if (w.status() != WithdrawalStatus.PAYING || w.outBillNo() == null) {
            return w;
        }
        if ("CREATING".equals(w.billState()) || "UNKNOWN".equals(w.billState())) {
            return sync(withdrawalId);
        }
        try {
            Optional<Bill> bill = bills.query(w.outBillNo());
            if (bill.isEmpty()) {
                return w;
            }
            w = outcomes.apply(w, bill.get());
            if (w.status() == WithdrawalStatus.PAYING && bill.get().awaitingConfirmation()) {
                log.info("bill {} declined by its member, cancelling", w.outBillNo());
                w = cancel(w);
            }
            return w;
        } catch (TransferOutcomeUnknown e) {
            log.warn("cannot cancel bill {} now, the sync job will: {}", w.outBillNo(), e.getMessage());
            return w;
        }
    }

    /**
     * WeChat Pay only accepts a cancellation (CANCELING) and finishes it asynchronously: the bill is
     * queried once more so a quick CANCELLED returns the funds in this call; otherwise a later sync or the
     * callback does. Whichever applies CANCELLED first returns the funds, the others find the row moved.
     */
    private Withdrawal cancel(Withdrawal w) throws TransferOutcomeUnknown {
        Bill cancelled = bills.cancel(w.outBillNo());
        w = outcomes.apply(w, cancelled);
        if (w.status() == WithdrawalStatus.PAYING && "CANCELING".equals(cancelled.state())) {
            Optional<Bill> after = bills.query(w.outBillNo());
            if (after.isPresent()) {
                w = outcomes.apply(w, after.get());
            }
        }
        return w;
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
                    && !clock.instant().isBefore(ShowTransferConfirmation.expiresAt(w, props));
            if (w.status() == WithdrawalStatus.PAYING && bill.get().awaitingConfirmation() && expired) {
                log.info("bill {} unconfirmed after {}, cancelling", w.outBillNo(), props.getConfirmationWindow());
                w = cancel(w);
            }
            return w;
        } catch (TransferOutcomeUnknown e) {
            log.warn("cannot sync bill {}: {}", w.outBillNo(), e.getMessage());
            return w;
        }
    }
}
