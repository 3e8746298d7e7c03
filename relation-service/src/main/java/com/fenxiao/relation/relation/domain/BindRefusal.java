package com.fenxiao.relation.relation.domain;

/** Why a binding was refused; the names are the stable API codes (API.md). Messages are shown to members. */
public enum BindRefusal {
    ALREADY_BOUND("你已绑定邀请人,不能更换"),
    INVALID_INVITE_CODE("邀请码无效或已停用"),
    SELF_INVITE("不能绑定自己的邀请码"),
    CYCLE("不能绑定你邀请的成员为邀请人"),
    HAS_PAID_ORDER("已有支付订单,不能再绑定邀请人"),
    RATE_LIMITED("该邀请人绑定过于频繁,请稍后再试");

    private final String message;

    BindRefusal(String message) {
        this.message = message;
    }

    public String code() {
        return name();
    }

    public String message() {
        return message;
    }
}
