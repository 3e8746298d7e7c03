package com.fenxiao.commission.approval.domain;

/**
 * What a maker-checker request of the engine asks for (SPEC §8); requests themselves go through the
 * shared {@link com.fenxiao.common.approval.Approvals} of common-lib, keyed by {@code name()}.
 */
public enum ApprovalKind {
    RULE_CHANGE,
    COMMISSION_ADJUSTMENT
}
