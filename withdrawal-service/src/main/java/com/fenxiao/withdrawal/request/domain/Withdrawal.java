package com.fenxiao.withdrawal.request.domain;

import java.time.Instant;

/**
 * One withdrawal request: the amount frozen in the wallet, what it costs (fee, tax) and pays (net),
 * its review, and its payout (WeChat bill or bank batch). Persisted as one row per request.
 */
public record Withdrawal(
        long id,
        long promoterId,
        String idempotencyKey,
        String requestHash,
        Channel channel,
        long amountFen,
        long feeFen,
        long taxFen,
        long netFen,
        String taxMethod,
        WithdrawalStatus status,
        Long firstApprover,
        Long secondApprover,
        String reason,
        String outBillNo,
        int billAttempt,
        String billState,
        String packageInfo,
        Instant billCreatedAt,
        String bankBatch,
        String bankReference,
        Instant createdAt,
        Instant updatedAt,
        Instant paidAt) {

    public Withdrawal withStatus(WithdrawalStatus next, Instant at) {
        return new Withdrawal(
                id,
                promoterId,
                idempotencyKey,
                requestHash,
                channel,
                amountFen,
                feeFen,
                taxFen,
                netFen,
                taxMethod,
                next,
                firstApprover,
                secondApprover,
                reason,
                outBillNo,
                billAttempt,
                billState,
                packageInfo,
                billCreatedAt,
                bankBatch,
                bankReference,
                createdAt,
                at,
                next == WithdrawalStatus.PAID ? at : paidAt);
    }

    public Withdrawal withApprovers(Long first, Long second) {
        return new Withdrawal(
                id,
                promoterId,
                idempotencyKey,
                requestHash,
                channel,
                amountFen,
                feeFen,
                taxFen,
                netFen,
                taxMethod,
                status,
                first,
                second,
                reason,
                outBillNo,
                billAttempt,
                billState,
                packageInfo,
                billCreatedAt,
                bankBatch,
                bankReference,
                createdAt,
                updatedAt,
                paidAt);
    }

    public Withdrawal withReason(String why) {
        return new Withdrawal(
                id,
                promoterId,
                idempotencyKey,
                requestHash,
                channel,
                amountFen,
                feeFen,
                taxFen,
                netFen,
                taxMethod,
                status,
                firstApprover,
                secondApprover,
                why,
                outBillNo,
                billAttempt,
                billState,
                packageInfo,
                billCreatedAt,
                bankBatch,
                bankReference,
                createdAt,
                updatedAt,
                paidAt);
    }

    public Withdrawal withBill(String outBill, int attempt, String state, String pkg, Instant createdAt) {
        return new Withdrawal(
                id,
                promoterId,
                idempotencyKey,
                requestHash,
                channel,
                amountFen,
                feeFen,
                taxFen,
                netFen,
                taxMethod,
                status,
                firstApprover,
                secondApprover,
                reason,
                outBill,
                attempt,
                state,
                pkg,
                createdAt,
                bankBatch,
                bankReference,
                this.createdAt,
                updatedAt,
                paidAt);
    }

    public Withdrawal withBank(String batch, String reference) {
        return new Withdrawal(
                id,
                promoterId,
                idempotencyKey,
                requestHash,
                channel,
                amountFen,
                feeFen,
                taxFen,
                netFen,
                taxMethod,
                status,
                firstApprover,
                secondApprover,
                reason,
                outBillNo,
                billAttempt,
                billState,
                packageInfo,
                billCreatedAt,
                batch,
                reference,
                createdAt,
                updatedAt,
                paidAt);
    }
}
