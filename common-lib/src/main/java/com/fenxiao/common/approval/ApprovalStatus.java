package com.fenxiao.common.approval;

/** PENDING → APPROVED (then applied) or REJECTED; FAILED when the approved effect was refused. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    FAILED
}
