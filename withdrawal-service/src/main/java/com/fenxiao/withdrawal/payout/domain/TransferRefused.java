package com.fenxiao.withdrawal.payout.domain;

/** WeChat Pay answered the request with a definite client error (4xx other than rate limiting). */
public final class TransferRefused extends Exception {

    private final String code;

    public TransferRefused(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
