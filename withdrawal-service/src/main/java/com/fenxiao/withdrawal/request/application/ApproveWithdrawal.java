package com.fenxiao.withdrawal.request.application;

import com.fenxiao.common.approval.ApprovalRequest;
import com.fenxiao.common.approval.ApprovalStatus;
import com.fenxiao.common.approval.Approvals;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.withdrawal.request.domain.ApprovalLookup;
import com.fenxiao.withdrawal.request.domain.ReviewPolicy;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Finance approves or rejects a withdrawal under review (SPEC §6, §8). Below the dual-approval threshold
 * one approval or rejection decides it. From the threshold the first approval is the maker's step of a
 * common-lib {@link Approvals} request ({@code WITHDRAWAL_APPROVAL}, stored with the row's move to
 * AWAITING_SECOND_APPROVAL in one transaction); another staff member (the checker) approves or rejects
 * it, the maker can do neither (403 {@code SELF_APPROVAL}, as in every service). The checker's decision
 * is recorded in the shared table first, then applied on the promoter's shard once per approval id.
 * Every step is in the shared audit log.
 */
@Service
public class ApproveWithdrawal {

    public static final String KIND = "WITHDRAWAL_APPROVAL";
    static final String DEFAULT_MAKER_REASON = "大额提现初审通过,待另一位工作人员复核";

    /** What the approval request carries about the withdrawal. */
    public record ApprovalPayload(
            String withdrawalId, String promoterId, String channel, long amountFen, long netFen) {}

    private final WithdrawalSteps steps;
    private final WithdrawalProperties props;
    private final Approvals approvals;
    private final ApprovalLookup lookup;

    public ApproveWithdrawal(
            WithdrawalSteps steps, WithdrawalProperties props, Approvals approvals, ApprovalLookup lookup) {
        this.steps = steps;
        this.props = props;
        this.approvals = approvals;
        this.lookup = lookup;
    }

    public Withdrawal approve(long staffId, long withdrawalId, String note, String requestId) {
        Withdrawal w = steps.find(withdrawalId);
        if (w.status() == WithdrawalStatus.REVIEWING) {
            boolean dual = props.review().reviewOf(w.amountFen(), false) == ReviewPolicy.Review.DUAL;
            return dual ? requestSecond(staffId, w, note, requestId) : approveAlone(staffId, w, note, requestId);
        }
        if (w.status() == WithdrawalStatus.AWAITING_SECOND_APPROVAL) {
            return decide(staffId, w, true, note, requestId);
        }
        throw moved();
    }

    /** A rejection: alone under review, or the checker's decision on a pending approval. */
    public Withdrawal reject(long staffId, long withdrawalId, String reason, String requestId) {
        if (reason == null || reason.isBlank()) {
            throw new PlatformException.InvalidRequest(Approvals.REASON_REQUIRED, "请填写驳回原因");
        }
        Withdrawal w = steps.find(withdrawalId);
        if (w.status() == WithdrawalStatus.AWAITING_SECOND_APPROVAL) {
            return decide(staffId, w, false, reason.strip(), requestId);
        }
        return steps.returned(
                        w.promoterId(),
                        w.id(),
                        Set.of(WithdrawalStatus.REVIEWING),
                        WithdrawalStatus.REJECTED,
                        actor(staffId),
                        reason.strip(),
                        x -> x,
                        new StaffAction(staffId, "WITHDRAWAL_REJECTED", reason.strip(), requestId))
                .orElseThrow(ApproveWithdrawal::moved);
    }

    private Withdrawal approveAlone(long staffId, Withdrawal w, String note, String requestId) {
        return steps.change(
                        w.promoterId(),
                        w.id(),
                        Set.of(WithdrawalStatus.REVIEWING),
                        actor(staffId),
                        "APPROVED",
                        x -> x.withApprovers(staffId, null).withStatus(WithdrawalStatus.APPROVED, x.updatedAt()),
                        true,
                        new StaffAction(staffId, "WITHDRAWAL_APPROVED", note, requestId))
                .orElseThrow(ApproveWithdrawal::moved);
    }

    /** The maker's step: the approval request and the row's move commit together (the request audits it). */
    private Withdrawal requestSecond(long staffId, Withdrawal w, String note, String requestId) {
        String reason = note == null || note.isBlank() ? DEFAULT_MAKER_REASON : note.strip();
        return steps.change(
                        w.promoterId(),
                        w.id(),
                        Set.of(WithdrawalStatus.REVIEWING),
                        actor(staffId),
                        "FIRST_APPROVAL",
                        x -> {
                            approvals.request(
                                    KIND,
                                    target(x.id()),
                                    new ApprovalPayload(
                                            Long.toString(x.id()),
                                            Long.toString(x.promoterId()),
                                            x.channel().name(),
                                            x.amountFen(),
                                            x.netFen()),
                                    reason,
                                    staffId,
                                    requestId);
                            return x.withApprovers(staffId, null)
                                    .withStatus(WithdrawalStatus.AWAITING_SECOND_APPROVAL, x.updatedAt());
                        },
                        false)
                .orElseThrow(ApproveWithdrawal::moved);
    }

    /**
     * The checker's step: decided in the shared table, then applied on the promoter's shard once per
     * approval id. An approval recorded earlier but not applied (a crash in between) is applied by the
     * next call of the same decision.
     */
    private Withdrawal decide(long staffId, Withdrawal w, boolean approve, String note, String requestId) {
        Optional<Long> approvalId = lookup.latestFor(KIND, target(w.id()));
        if (approvalId.isEmpty()) {
            return decideWithoutRequest(staffId, w, approve, note, requestId);
        }
        ApprovalRequest stored = approvals.load(approvalId.get(), KIND);
        ApprovalRequest decided;
        ApprovalStatus wanted = approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
        if (stored.status() == wanted && stored.appliedAt() == null) {
            if (stored.isSelfApproval(staffId)) {
                throw Approvals.selfApproval();
            }
            decided = stored;
        } else {
            decided = approve
                    ? approvals.approve(stored.id(), KIND, staffId, note, requestId, null)
                    : approvals.reject(stored.id(), KIND, staffId, note, requestId);
        }
        String reason = note != null && !note.isBlank() ? note.strip() : decided.reason();
        long checker = decided.decidedBy() != null ? decided.decidedBy() : staffId;
        StaffAction action = new StaffAction(
                staffId, approve ? "WITHDRAWAL_APPROVED" : "WITHDRAWAL_REJECTED", reason, requestId, decided.id());
        Optional<Withdrawal> applied = approve
                ? steps.change(
                        w.promoterId(),
                        w.id(),
                        Set.of(WithdrawalStatus.AWAITING_SECOND_APPROVAL),
                        actor(staffId),
                        "SECOND_APPROVAL",
                        x -> x.withApprovers(x.firstApprover(), checker)
                                .withStatus(WithdrawalStatus.APPROVED, x.updatedAt()),
                        true,
                        action)
                : steps.returned(
                        w.promoterId(),
                        w.id(),
                        Set.of(WithdrawalStatus.AWAITING_SECOND_APPROVAL),
                        WithdrawalStatus.REJECTED,
                        actor(staffId),
                        reason,
                        x -> x,
                        action);
        if (applied.isPresent()) {
            if (approve) {
                approvals.markApplied(decided);
            }
            return applied.get();
        }
        Withdrawal now = steps.find(w.id());
        boolean appliedBefore = approve ? now.secondApprover() != null : now.status() == WithdrawalStatus.REJECTED;
        if (appliedBefore) {
            if (approve) {
                approvals.markApplied(decided);
            }
            return now;
        }
        if (approve) {
            approvals.markFailed(decided, "WITHDRAWAL_STATE_CHANGED", staffId, requestId);
        }
        throw moved();
    }

    /**
     * A row that awaits its second approval without a request in the shared table (moved there before
     * withdrawals used common-lib approvals): the first approver stands as the maker.
     */
    private Withdrawal decideWithoutRequest(
            long staffId, Withdrawal w, boolean approve, String note, String requestId) {
        if (w.firstApprover() != null && w.firstApprover() == staffId) {
            throw Approvals.selfApproval();
        }
        if (!approve) {
            return steps.returned(
                            w.promoterId(),
                            w.id(),
                            Set.of(WithdrawalStatus.AWAITING_SECOND_APPROVAL),
                            WithdrawalStatus.REJECTED,
                            actor(staffId),
                            note,
                            x -> x,
                            new StaffAction(staffId, "WITHDRAWAL_REJECTED", note, requestId))
                    .orElseThrow(ApproveWithdrawal::moved);
        }
        return steps.change(
                        w.promoterId(),
                        w.id(),
                        Set.of(WithdrawalStatus.AWAITING_SECOND_APPROVAL),
                        actor(staffId),
                        "SECOND_APPROVAL",
                        x -> x.withApprovers(x.firstApprover(), staffId)
                                .withStatus(WithdrawalStatus.APPROVED, x.updatedAt()),
                        true,
                        new StaffAction(staffId, "WITHDRAWAL_APPROVED", note, requestId))
                .orElseThrow(ApproveWithdrawal::moved);
    }

    public static String target(long withdrawalId) {
        return "WITHDRAWAL:" + withdrawalId;
    }

    private static String actor(long staffId) {
        return "staff:" + staffId;
    }

    static PlatformException moved() {
        return new PlatformException.Refused("WITHDRAWAL_STATE_CHANGED", "该提现当前状态不允许此操作");
    }
}
