package com.fenxiao.relation.staff.application;

import com.fenxiao.common.approval.ApprovalRequest;
import com.fenxiao.common.approval.ApprovalStatus;
import com.fenxiao.common.approval.Approvals;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class ListApprovals {

    private final Approvals approvals;

    public ListApprovals(Approvals approvals) {
        this.approvals = approvals;
    }

    public List<ApprovalRequest> list(ApprovalStatus status, Long beforeId, int size) {
        return approvals.list(RequestUnbind.KIND, status, beforeId, size);
    }
}
