package com.fenxiao.withdrawal.payout.domain;

/** Who receives a WeChat transfer: the member's openid under the mini-program's appid. */
public interface Payees {

    String openidOf(long memberId);
}
