package com.fenxiao.withdrawal.request.domain;

/**
 * REVIEWING → (AWAITING_SECOND_APPROVAL →) APPROVED → PAYING (WeChat bill) or BANK_EXPORTED (batch
 * file) → PAID; REJECTED and FAILED return the frozen funds. PAID, REJECTED and FAILED are final.
 */
public enum WithdrawalStatus {
    REVIEWING,
    AWAITING_SECOND_APPROVAL,
    APPROVED,
    PAYING,
    BANK_EXPORTED,
    PAID,
    REJECTED,
    FAILED;

    public boolean isFinal() {
        return this == PAID || this == REJECTED || this == FAILED;
    }

    /** Funds returned to available: the amount never left and counts for no limit or tax. */
    public boolean returnedFunds() {
        return this == REJECTED || this == FAILED;
    }
}
