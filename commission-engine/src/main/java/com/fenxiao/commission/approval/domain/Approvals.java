package com.fenxiao.commission.approval.domain;

import java.util.List;
import java.util.Optional;

public interface Approvals {

    void add(ApprovalRequest request);

    Optional<ApprovalRequest> byId(long id);

    /** Stores a decision only if the stored request still has {@code expected} status; true when stored. */
    boolean replace(ApprovalRequest request, ApprovalStatus expected);

    /** Newest first; {@code beforeId} is the cursor (exclusive), null for the first page. */
    List<ApprovalRequest> list(ApprovalKind kind, ApprovalStatus status, Long beforeId, int size);
}
