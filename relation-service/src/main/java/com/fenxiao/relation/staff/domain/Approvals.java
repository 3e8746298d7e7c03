package com.fenxiao.relation.staff.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface Approvals {

    void add(ApprovalRequest request, String requestId);

    /** Locks the request for the rest of the transaction. */
    Optional<ApprovalRequest> lock(long id);

    boolean hasPending(String kind, long targetUserId);

    /** Moves a PENDING request to {@code to}; false when it was decided meanwhile. */
    boolean decide(long id, ApprovalStatus to, long approverId, String note, Instant at);

    List<ApprovalRequest> list(ApprovalStatus status, Long beforeId, int size);
}
