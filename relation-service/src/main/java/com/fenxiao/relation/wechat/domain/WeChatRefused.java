package com.fenxiao.relation.wechat.domain;

/** WeChat answered with an error code (or not at all). */
public class WeChatRefused extends RuntimeException {

    private final boolean callerError;
    private final int errcode;

    public WeChatRefused(String message, boolean callerError) {
        this(message, callerError, 0);
    }

    public WeChatRefused(String message, boolean callerError, int errcode) {
        super(message);
        this.callerError = callerError;
        this.errcode = errcode;
    }

    /** WeChat's {@code errcode}, 0 when WeChat gave none (unreachable, not JSON, HTTP error). */
    public int errcode() {
        return errcode;
    }

    /** WeChat said the access_token is invalid, not the latest, or expired: fetch a new one and retry. */
    public boolean staleAccessToken() {
        return errcode == 40001 || errcode == 40014 || errcode == 42001;
    }

    /** True when the request itself was wrong (an invalid or used login code), not WeChat being down. */
    public boolean callerError() {
        return callerError;
    }
}
