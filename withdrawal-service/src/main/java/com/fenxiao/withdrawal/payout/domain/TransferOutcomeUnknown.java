package com.fenxiao.withdrawal.payout.domain;

/** The call may or may not have reached WeChat Pay (timeout, I/O, 5xx): query before anything else. */
public final class TransferOutcomeUnknown extends Exception {

    public TransferOutcomeUnknown(String message, Throwable cause) {
        super(message, cause);
    }
}
