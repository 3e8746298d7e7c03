package com.fenxiao.commission.order.domain;

/** AWAITING_PAYMENT: a completion or refund arrived before the payment; it is kept and applied then. */
public enum OrderState {
    AWAITING_PAYMENT,
    PAID
}
