package com.fenxiao.withdrawal.payout.application;

import com.fenxiao.withdrawal.identity.domain.IdNumberVault;
import com.fenxiao.withdrawal.identity.domain.Identities;
import com.fenxiao.withdrawal.payout.domain.Bill;
import com.fenxiao.withdrawal.payout.domain.BillNumbers;
import com.fenxiao.withdrawal.payout.domain.Payees;
import com.fenxiao.withdrawal.payout.domain.TransferBills;
import com.fenxiao.withdrawal.payout.domain.TransferOutcomeUnknown;
import com.fenxiao.withdrawal.payout.domain.TransferRefused;
import com.fenxiao.withdrawal.payout.domain.TransferRequest;
import com.fenxiao.withdrawal.request.application.WithdrawalSteps;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends an approved WeChat withdrawal as a transfer bill (SPEC §6). The out-bill number is fixed and
 * stored before the first call; after a timeout or unknown error the next attempt queries that number
 * first and creates the bill only if WeChat Pay has none, so nothing is ever paid twice. A new number
 * is never taken here: a bill confirmed FAIL or CANCELLED fails the withdrawal and returns its funds.
 */
@Service
public class PayOutWithdrawal {

    private static final Logger log = LoggerFactory.getLogger(PayOutWithdrawal.class);

    private final WithdrawalSteps steps;
    private final BillOutcomes outcomes;
    private final TransferBills bills;
    private final Payees payees;
    private final Identities identities;
    private final IdNumberVault vault;
    private final PayoutProperties props;
    private final Clock clock;

    public PayOutWithdrawal(
            WithdrawalSteps steps,
            BillOutcomes outcomes,
            TransferBills bills,
            Payees payees,
            Identities identities,
            IdNumberVault vault,
            PayoutProperties props,
            Clock clock) {
        this.steps = steps;
        this.outcomes = outcomes;
        this.bills = bills;
        this.payees = payees;
        this.identities = identities;
        this.vault = vault;
        this.props = props;
        this.clock = clock;
    }

    public Withdrawal payOut(long withdrawalId) {
        Withdrawal w = steps.find(withdrawalId);
        if (w.channel() != Channel.WECHAT) {
            return w;
        }
        if (w.status() == WithdrawalStatus.APPROVED) {
            w = steps.change(
                            w.promoterId(),
                            w.id(),
                            Set.of(WithdrawalStatus.APPROVED),
                            "system",
                            "PAYOUT_STARTED",
                            x -> {
                                int attempt = x.billAttempt() + 1;
                                return x.withBill(BillNumbers.of(x.id(), attempt), attempt, "CREATING", null, null)
                                        .withStatus(WithdrawalStatus.PAYING, clock.instant());
                            },
                            false)
                    .orElseGet(() -> steps.find(withdrawalId));
        }
        if (w.status() != WithdrawalStatus.PAYING) {
            return w;
        }
        if ("UNKNOWN".equals(w.billState())) {
            Optional<Bill> existing;
            try {
                existing = bills.query(w.outBillNo());
            } catch (TransferOutcomeUnknown e) {
                log.warn("bill {} still unknown: {}", w.outBillNo(), e.getMessage());
                return w;
            }
            if (existing.isPresent()) {
                return outcomes.apply(w, existing.get());
            }
            // WeChat Pay has no such bill: creating it under the same number cannot pay twice
        } else if (!"CREATING".equals(w.billState())) {
            return w; // created already; its state comes from callbacks and SyncTransfer
        }
        return create(w);
    }

    private Withdrawal create(Withdrawal w) {
        String realName = null;
        if (w.netFen() >= props.getRealNameFromFen()) {
            realName = identities
                    .encryptedNameOf(w.promoterId())
                    .map(vault::decrypt)
                    .orElse(null);
        }
        TransferRequest request = new TransferRequest(
                w.outBillNo(), payees.openidOf(w.promoterId()), w.netFen(), props.getRemark(), realName);
        try {
            return outcomes.apply(w, bills.create(request));
        } catch (TransferOutcomeUnknown e) {
            log.warn("bill {} outcome unknown, will query before any retry: {}", w.outBillNo(), e.getMessage());
            return outcomes.unknown(w);
        } catch (TransferRefused e) {
            // a definite refusal may still concern an existing bill (same number, other parameters): ask
            log.warn("bill {} refused: {}", w.outBillNo(), e.getMessage());
            try {
                Optional<Bill> existing = bills.query(w.outBillNo());
                return outcomes.apply(w, existing.orElse(new Bill(w.outBillNo(), "FAIL", null, e.code())));
            } catch (TransferOutcomeUnknown unknown) {
                return outcomes.unknown(w);
            }
        }
    }
}
