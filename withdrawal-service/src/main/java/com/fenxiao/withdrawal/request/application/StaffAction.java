package com.fenxiao.withdrawal.request.application;

/**
 * A staff member's step on a withdrawal, written to the service's shared audit log (common-lib
 * {@code AuditTrail}) in the transaction that takes it: who, which action, why, in which request.
 * {@code approvalId} names the maker-checker approval the step applies (null for a single-person step):
 * such a step is taken at most once per approval id.
 */
public record StaffAction(long staffId, String action, String reason, String requestId, Long approvalId) {

    /** The audit target type of withdrawal steps. */
    public static final String TARGET_TYPE = "WITHDRAWAL";

    public StaffAction(long staffId, String action, String reason, String requestId) {
        this(staffId, action, reason, requestId, null);
    }
}
