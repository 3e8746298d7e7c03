package com.fenxiao.withdrawal.payout.application;

/** The {@code outcome} tag of {@code withdrawal.payouts}. */
public enum PayoutOutcome {
    /** Paid: WeChat Pay reported SUCCESS, or finance marked a bank line paid. */
    PAID,
    /** WeChat Pay failed the bill (FAIL); the funds returned to the wallet. */
    FAILED,
    /** The bill was cancelled unconfirmed (CANCELLED, the confirmation window); the funds returned. */
    EXPIRED,
    /** A WeChat Pay call's outcome was unknown (timeout, 5xx, unverifiable answer): queried before any retry. */
    RETRIED
}
