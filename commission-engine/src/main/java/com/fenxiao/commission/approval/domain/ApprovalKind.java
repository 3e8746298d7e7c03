package com.fenxiao.commission.approval.domain;

/** What a maker-checker request asks for (SPEC §8). */
public enum ApprovalKind {
    RULE_CHANGE,
    COMMISSION_ADJUSTMENT
}
