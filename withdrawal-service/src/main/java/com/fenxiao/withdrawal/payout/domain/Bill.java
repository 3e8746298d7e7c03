package com.fenxiao.withdrawal.payout.domain;

/**
 * A WeChat Pay transfer bill as the API reports it. States: ACCEPTED, PROCESSING, WAIT_USER_CONFIRM,
 * TRANSFERING, SUCCESS, FAIL, CANCELING, CANCELLED. {@code packageInfo} is set while the bill waits
 * for the member's confirmation in the mini-program.
 */
public record Bill(String outBillNo, String state, String packageInfo, String failReason) {

    public boolean succeeded() {
        return "SUCCESS".equals(state);
    }

    /** Confirmed closed without payment: the funds may return and, if ever needed, a new number be used. */
    public boolean closedUnpaid() {
        return "FAIL".equals(state) || "CANCELLED".equals(state);
    }

    public boolean awaitingConfirmation() {
        return "WAIT_USER_CONFIRM".equals(state);
    }
}
