package com.fenxiao.withdrawal.request.application;

import com.fenxiao.common.audit.AuditRecord;
import com.fenxiao.common.audit.AuditTrail;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalHistory;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The final steps every path shares, each under the wallet row's lock and guarded by the row's
 * current status, so a step taken twice (a duplicate callback, two staff clicks) happens once: paid
 * moves the frozen amount to withdrawn and announces WITHDRAWAL_PAID exactly once; returned moves it
 * back to available and voids the withholding. Every step goes into the withdrawal's own history; a
 * staff member's step ({@link StaffAction}) also into the shared audit log, in the same transaction.
 */
@Component
public class WithdrawalSteps {

    /** The apply-once marks of approved (or rejected) maker-checker decisions, per approval id. */
    static final String APPROVAL_APPLIED = "withdrawal-approval-applied";

    private final WalletTransactions transactions;
    private final Withdrawals withdrawals;
    private final Withholdings withholdings;
    private final WithdrawalHistory history;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final EventCodec json;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final Clock clock;

    public WithdrawalSteps(
            WalletTransactions transactions,
            Withdrawals withdrawals,
            Withholdings withholdings,
            WithdrawalHistory history,
            AuditTrail audit,
            IdGenerator ids,
            EventCodec json,
            ProcessedEvents processed,
            Outbox outbox,
            Clock clock) {
        this.transactions = transactions;
        this.withdrawals = withdrawals;
        this.withholdings = withholdings;
        this.history = history;
        this.audit = audit;
        this.ids = ids;
        this.json = json;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Withdrawal find(long id) {
        return withdrawals.byId(id).orElseThrow(() -> new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "提现记录不存在"));
    }

    /** Marks paid if the row is in one of {@code from}; empty when it was not (nothing changed). */
    public Optional<Withdrawal> paid(
            long promoterId, long id, Set<WithdrawalStatus> from, String actor, UnaryOperator<Withdrawal> details) {
        return paid(promoterId, id, from, actor, details, null);
    }

    /** {@link #paid} by a staff member, audited. */
    public Optional<Withdrawal> paid(
            long promoterId,
            long id,
            Set<WithdrawalStatus> from,
            String actor,
            UnaryOperator<Withdrawal> details,
            StaffAction staff) {
        return transactions.underLock(promoterId, balances -> {
            Withdrawal w = withdrawals.of(promoterId, id).orElseThrow();
            if (!from.contains(w.status())) {
                return Optional.<Withdrawal>empty();
            }
            if (!firstApplication(staff, promoterId)) {
                return Optional.<Withdrawal>empty();
            }
            Instant now = clock.instant();
            Withdrawal next = details.apply(w).withStatus(WithdrawalStatus.PAID, now);
            if (!withdrawals.update(next, w.status())) {
                return Optional.<Withdrawal>empty();
            }
            transactions.post(promoterId, posting(EntryType.WITHDRAWAL_PAID, w, ":paid", balances));
            history.append(next, actor, "PAID", w.status(), WithdrawalStatus.PAID, next.reason(), now);
            audit(staff, w, next, now);
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
        return returned(promoterId, id, from, to, actor, reason, details, null);
    }

    /** {@link #returned} by a staff member (a rejection), audited. */
    public Optional<Withdrawal> returned(
            long promoterId,
            long id,
            Set<WithdrawalStatus> from,
            WithdrawalStatus to,
            String actor,
            String reason,
            UnaryOperator<Withdrawal> details,
            StaffAction staff) {
        if (to != WithdrawalStatus.REJECTED && to != WithdrawalStatus.FAILED) {
            throw new IllegalArgumentException("funds return only on rejection or failure");
        }
        return transactions.underLock(promoterId, balances -> {
            Withdrawal w = withdrawals.of(promoterId, id).orElseThrow();
            if (!from.contains(w.status())) {
                return Optional.<Withdrawal>empty();
            }
            if (!firstApplication(staff, promoterId)) {
                return Optional.<Withdrawal>empty();
            }
            Instant now = clock.instant();
            Withdrawal next = details.apply(w).withReason(reason).withStatus(to, now);
            if (!withdrawals.update(next, w.status())) {
                return Optional.<Withdrawal>empty();
            }
            transactions.post(promoterId, posting(EntryType.WITHDRAWAL_RELEASED, w, ":released", balances));
            withholdings.voidFor(promoterId, id);
            history.append(next, actor, to.name(), w.status(), to, reason, now);
            audit(staff, w, next, now);
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
        return change(promoterId, id, from, actor, action, change, announceApproval, null);
    }

    /** {@link #change} by a staff member, audited. */
    public Optional<Withdrawal> change(
            long promoterId,
            long id,
            Set<WithdrawalStatus> from,
            String actor,
            String action,
            UnaryOperator<Withdrawal> change,
            boolean announceApproval,
            StaffAction staff) {
        return transactions.underLock(promoterId, balances -> {
            Withdrawal w = withdrawals.of(promoterId, id).orElseThrow();
            if (!from.contains(w.status())) {
                return Optional.<Withdrawal>empty();
            }
            if (!firstApplication(staff, promoterId)) {
                return Optional.<Withdrawal>empty();
            }
            Instant now = clock.instant();
            Withdrawal next = change.apply(w);
            next = next.withStatus(next.status(), now);
            if (!withdrawals.update(next, w.status())) {
                return Optional.<Withdrawal>empty();
            }
            if (action != null) {
                history.append(next, actor, action, w.status(), next.status(), next.reason(), now);
            }
            audit(staff, w, next, now);
            if (announceApproval) {
                outbox.append(promoterId, WithdrawalEvents.approved(next, now));
            }
            return Optional.of(next);
        });
    }

    /** The apply-once marks of what members reported about their withdrawals (per report key). */
    static final String MEMBER_REPORT = "withdrawal-member-report";

    /**
     * Records what a member reported (an entry of the withdrawal's own history) without changing the row
     * or any balance; the same {@code reportKey} again records nothing. False when nothing was recorded.
     */
    public boolean reported(long promoterId, long id, String actor, String action, String detail, String reportKey) {
        return transactions.underLock(promoterId, balances -> {
            Withdrawal w = withdrawals.of(promoterId, id).orElseThrow();
            if (!processed.markFirstDelivery(MEMBER_REPORT, reportKey, promoterId)) {
                return false;
            }
            history.append(w, actor, action, w.status(), w.status(), detail, clock.instant());
            return true;
        });
    }

    /** False when the step applies an approval that was applied before (same transaction as the row). */
    private boolean firstApplication(StaffAction staff, long promoterId) {
        return staff == null
                || staff.approvalId() == null
                || processed.markFirstDelivery(APPROVAL_APPLIED, Long.toString(staff.approvalId()), promoterId);
    }

    /** The staff step's entry in the shared audit log, in the transaction of the step. */
    private void audit(StaffAction staff, Withdrawal before, Withdrawal after, Instant now) {
        if (staff == null) {
            return;
        }
        audit.append(new AuditRecord(
                ids.nextId(),
                staff.staffId(),
                staff.action(),
                StaffAction.TARGET_TYPE,
                Long.toString(after.id()),
                json.write(describe(before)),
                json.write(
                        staff.approvalId() == null
                                ? describe(after)
                                : withApproval(describe(after), staff.approvalId())),
                staff.reason(),
                staff.requestId(),
                now));
    }

    private static Map<String, Object> withApproval(Map<String, Object> d, long approvalId) {
        d.put("approvalId", Long.toString(approvalId));
        return d;
    }

    /** What auditors see of a withdrawal: its state and money, never the payee's identity. */
    public static Map<String, Object> describe(Withdrawal w) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", w.status().name());
        d.put("promoterId", Long.toString(w.promoterId()));
        d.put("channel", w.channel().name());
        d.put("amountFen", w.amountFen());
        d.put("netFen", w.netFen());
        if (w.firstApprover() != null) {
            d.put("firstApprover", Long.toString(w.firstApprover()));
        }
        if (w.secondApprover() != null) {
            d.put("secondApprover", Long.toString(w.secondApprover()));
        }
        if (w.bankBatch() != null) {
            d.put("bankBatch", w.bankBatch());
        }
        if (w.bankReference() != null) {
            d.put("bankReference", w.bankReference());
        }
        if (w.reason() != null) {
            d.put("reason", w.reason());
        }
        return d;
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
