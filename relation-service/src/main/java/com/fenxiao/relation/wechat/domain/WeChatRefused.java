package com.fenxiao.relation.wechat.domain;

/** WeChat answered with an error code (or not at all). */
public class WeChatRefused extends RuntimeException {

    private final boolean callerError;

    public WeChatRefused(String message, boolean callerError) {
        super(message);
        this.callerError = callerError;
    }

    /** True when the request itself was wrong (an invalid or used login code), not WeChat being down. */
    public boolean callerError() {
        return callerError;
    }
}
