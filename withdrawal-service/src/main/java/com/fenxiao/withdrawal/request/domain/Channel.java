package com.fenxiao.withdrawal.request.domain;

/** Where the money goes: WeChat balance (transfer bills) or a bank card (finance's batch file). */
public enum Channel {
    WECHAT,
    BANK
}
