package com.fenxiao.withdrawal.payout.domain;

/** A callback that is not provably from WeChat Pay, or too old, or unreadable. */
public final class NoticeRefused extends Exception {

    public NoticeRefused(String message) {
        super(message);
    }
}
