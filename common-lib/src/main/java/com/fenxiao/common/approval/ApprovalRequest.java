package com.fenxiao.common.approval;

import com.fenxiao.common.error.PlatformException;
import java.time.Instant;

/**
 * A change one staff member asks for and another must approve (SPEC §8). {@code kind} names the change
 * (UNBIND, RULE_CHANGE, …), {@code target} what it is about, {@code payload} the change as JSON.
 * {@code appliedAt} is the apply-once marker: set when the approved change took effect.
 */
public record ApprovalRequest(
        long id,
        String kind,
        String target,
        String payload,
        String reason,
        long requestedBy,
        Instant requestedAt,
        String requestId,
        ApprovalStatus status,
        Long decidedBy,
        Instant decidedAt,
        String decisionNote,
        Instant appliedAt) {

    public static ApprovalRequest open(
            long id,
            String kind,
            String target,
            String payload,
            String reason,
            long requestedBy,
            String requestId,
            Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new PlatformException.InvalidRequest(Approvals.REASON_REQUIRED, "请填写申请原因");
        }
        return new ApprovalRequest(
                id,
                kind,
                target,
                payload,
                reason,
                requestedBy,
                now,
                requestId,
                ApprovalStatus.PENDING,
                null,
                null,
                null,
                null);
    }

    /** The checker must be someone other than the maker. */
    public boolean isSelfApproval(long staffId) {
        return requestedBy == staffId;
    }

    /** The checker's decision; refuses the maker deciding their own request and a second decision. */
    public ApprovalRequest decide(long checker, boolean approve, String note, Instant now) {
        if (isSelfApproval(checker)) {
            throw Approvals.selfApproval();
        }
        if (status != ApprovalStatus.PENDING) {
            throw Approvals.alreadyDecided();
        }
        return new ApprovalRequest(
                id,
                kind,
                target,
                payload,
                reason,
                requestedBy,
                requestedAt,
                requestId,
                approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED,
                checker,
                now,
                note,
                null);
    }

    public ApprovalRequest applied(Instant now) {
        return new ApprovalRequest(
                id,
                kind,
                target,
                payload,
                reason,
                requestedBy,
                requestedAt,
                requestId,
                status,
                decidedBy,
                decidedAt,
                decisionNote,
                now);
    }

    public ApprovalRequest failed(String why, Instant now) {
        return new ApprovalRequest(
                id,
                kind,
                target,
                payload,
                reason,
                requestedBy,
                requestedAt,
                requestId,
                ApprovalStatus.FAILED,
                decidedBy,
                decidedAt,
                why,
                now);
    }
}
