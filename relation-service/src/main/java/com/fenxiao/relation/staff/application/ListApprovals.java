package com.fenxiao.relation.staff.application;

import com.fenxiao.relation.staff.domain.ApprovalRequest;
import com.fenxiao.relation.staff.domain.ApprovalStatus;
import com.fenxiao.relation.staff.domain.Approvals;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class ListApprovals {

    private final Approvals approvals;

    public ListApprovals(Approvals approvals) {
        this.approvals = approvals;
    }

    public List<ApprovalRequest> list(ApprovalStatus status, Long beforeId, int size) {
        return approvals.list(status, beforeId, size);
    }
}
