package com.fenxiao.relation.staff.domain;

public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED
}
