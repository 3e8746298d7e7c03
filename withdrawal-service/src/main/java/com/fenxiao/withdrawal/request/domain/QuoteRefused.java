package com.fenxiao.withdrawal.request.domain;

/** Why a withdrawal cannot be quoted or requested; the code is the API's stable error code. */
public final class QuoteRefused extends Exception {

    public enum Reason {
        WITHDRAWAL_BELOW_MINIMUM,
        WITHDRAWAL_INSUFFICIENT_BALANCE,
        WITHDRAWAL_BLOCKED_BY_DEBT,
        WITHDRAWAL_DAILY_COUNT_EXCEEDED,
        WITHDRAWAL_LIMIT_EXCEEDED,
        WITHDRAWAL_NET_NOT_POSITIVE
    }

    private final Reason reason;

    public QuoteRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
