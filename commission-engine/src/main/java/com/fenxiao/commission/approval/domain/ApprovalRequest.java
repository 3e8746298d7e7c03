package com.fenxiao.commission.approval.domain;

import java.time.Instant;

/**
 * A change one staff member asks for and another must approve (SPEC §8). The payload is the change
 * as JSON; {@code target} names what it is about (a product, a commission). The maker never checks.
 */
public record ApprovalRequest(
        long id,
        ApprovalKind kind,
        String target,
        String payload,
        String reason,
        long requestedBy,
        Instant requestedAt,
        ApprovalStatus status,
        Long decidedBy,
        Instant decidedAt,
        String decisionNote,
        Instant appliedAt) {

    public static ApprovalRequest open(
            long id, ApprovalKind kind, String target, String payload, String reason, long requestedBy, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new ApprovalRefused("REASON_REQUIRED", "a request needs a reason");
        }
        return new ApprovalRequest(
                id, kind, target, payload, reason, requestedBy, now, ApprovalStatus.PENDING, null, null, null, null);
    }

    /** The checker's decision; refuses the maker deciding their own request and a second decision. */
    public ApprovalRequest decide(long checker, boolean approve, String note, Instant now) {
        if (checker == requestedBy) {
            throw new ApprovalRefused(ApprovalRefused.SELF_APPROVAL, "不能审批自己提交的申请");
        }
        if (status != ApprovalStatus.PENDING) {
            throw new ApprovalRefused(ApprovalRefused.ALREADY_DECIDED, "该申请已处理: " + status);
        }
        return new ApprovalRequest(
                id,
                kind,
                target,
                payload,
                reason,
                requestedBy,
                requestedAt,
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
                ApprovalStatus.FAILED,
                decidedBy,
                decidedAt,
                why,
                now);
    }
}
