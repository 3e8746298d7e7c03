package com.fenxiao.withdrawal.request.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.withdrawal.request.domain.AuditTrail;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import com.fenxiao.withdrawal.request.domain.Withdrawals;
import com.fenxiao.withdrawal.tax.domain.Withholdings;
import com.fenxiao.withdrawal.wallet.application.WalletTransactions;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.Movements;
import com.fenxiao.withdrawal.wallet.domain.Posting;
import com.fenxiao.withdrawal.wallet.domain.WalletRefused;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The final steps every path shares, each under the wallet row's lock and guarded by the row's
 * current status, so a step taken twice (a duplicate callback, two staff clicks) happens once: paid
 * moves the frozen amount to withdrawn and announces WITHDRAWAL_PAID exactly once; returned moves it
 * back to available and voids the withholding.
 */
@Component
public class WithdrawalSteps {

    private final WalletTransactions transactions;
    private final Withdrawals withdrawals;
    private final Withholdings withholdings;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    public WithdrawalSteps(
            WalletTransactions transactions,
            Withdrawals withdrawals,
            Withholdings withholdings,
            AuditTrail audit,
            Outbox outbox,
            Clock clock) {
        this.transactions = transactions;
        this.withdrawals = withdrawals;
        this.withholdings = withholdings;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Withdrawal find(long id) {
        return withdrawals.byId(id).orElseThrow(() -> new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "提现记录不存在"));
    }

    /** Marks paid if the row is in one of {@code from}; empty when it was not (nothing changed). */
    public Optional<Withdrawal> paid(
            long promoterId, long id, Set<WithdrawalStatus> from, String actor, UnaryOperator<Withdrawal> details) {
        return transactions.underLock(promoterId, balances -> {
            Withdrawal w = withdrawals.of(promoterId, id).orElseThrow();
            if (!from.contains(w.status())) {
                return Optional.<Withdrawal>empty();
            }
            Instant now = clock.instant();
            Withdrawal next = details.apply(w).withStatus(WithdrawalStatus.PAID, now);
            if (!withdrawals.update(next, w.status())) {
                return Optional.<Withdrawal>empty();
            }
            transactions.post(promoterId, posting(EntryType.WITHDRAWAL_PAID, w, ":paid", balances));
            audit.append(next, actor, "PAID", w.status(), WithdrawalStatus.PAID, next.reason(), now);
            outbox.append(promoterId, WithdrawalEvents.paid(next, now));
            return Optional.of(next);
        });
    }

    /** Returns the funds (REJECTED or FAILED) if the row is in one of {@code from}. */
    public Optional<Withdrawal> returned(
            long promoterId,
            long id,
            Set<WithdrawalStatus> from,
            WithdrawalStatus to,
            String actor,
            String reason,
            UnaryOperator<Withdrawal> details) {
        if (to != WithdrawalStatus.REJECTED && to != WithdrawalStatus.FAILED) {
            throw new IllegalArgumentException("funds return only on rejection or failure");
        }
        return transactions.underLock(promoterId, balances -> {
            Withdrawal w = withdrawals.of(promoterId, id).orElseThrow();
            if (!from.contains(w.status())) {
                return Optional.<Withdrawal>empty();
            }
            Instant now = clock.instant();
            Withdrawal next = details.apply(w).withReason(reason).withStatus(to, now);
            if (!withdrawals.update(next, w.status())) {
                return Optional.<Withdrawal>empty();
            }
            transactions.post(promoterId, posting(EntryType.WITHDRAWAL_RELEASED, w, ":released", balances));
            withholdings.voidFor(promoterId, id);
            audit.append(next, actor, to.name(), w.status(), to, reason, now);
            outbox.append(
                    promoterId,
                    to == WithdrawalStatus.REJECTED
                            ? WithdrawalEvents.rejected(next, now)
                            : WithdrawalEvents.failed(next, now));
            return Optional.of(next);
        });
    }

    /** Any other guarded change of the row (review, bill details), with its audit entry and optional event. */
    public Optional<Withdrawal> change(
            long promoterId,
            long id,
            Set<WithdrawalStatus> from,
            String actor,
            String action,
            UnaryOperator<Withdrawal> change,
            boolean announceApproval) {
        return transactions.underLock(promoterId, balances -> {
            Withdrawal w = withdrawals.of(promoterId, id).orElseThrow();
            if (!from.contains(w.status())) {
                return Optional.<Withdrawal>empty();
            }
            Instant now = clock.instant();
            Withdrawal next = change.apply(w);
            next = next.withStatus(next.status(), now);
            if (!withdrawals.update(next, w.status())) {
                return Optional.<Withdrawal>empty();
            }
            if (action != null) {
                audit.append(next, actor, action, w.status(), next.status(), next.reason(), now);
            }
            if (announceApproval) {
                outbox.append(promoterId, WithdrawalEvents.approved(next, now));
            }
            return Optional.of(next);
        });
    }

    private static Posting posting(
            EntryType type, Withdrawal w, String suffix, com.fenxiao.withdrawal.wallet.domain.Balances b) {
        try {
            return new Posting(
                    type, "withdrawal:" + w.id() + suffix, w.amountFen(), Movements.of(type, w.amountFen(), b));
        } catch (WalletRefused e) {
            throw new IllegalStateException("withdrawal " + w.id() + " is not frozen in its wallet: " + e.getMessage());
        }
    }
}
