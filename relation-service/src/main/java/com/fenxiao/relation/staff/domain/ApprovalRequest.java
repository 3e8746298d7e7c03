package com.fenxiao.relation.staff.domain;

import java.time.Instant;

/** A sensitive action one staff member asks for and another must approve (SPEC §8). */
public record ApprovalRequest(
        long id,
        String kind,
        long targetUserId,
        String reason,
        long requesterId,
        Long approverId,
        ApprovalStatus status,
        Instant requestedAt,
        Instant decidedAt,
        String decisionNote) {

    public static final String UNBIND = "UNBIND";

    /** The checker must be someone other than the maker. */
    public boolean isSelfApproval(long staffId) {
        return requesterId == staffId;
    }
}
