package com.fenxiao.commission.order.domain;

/** What an order's payment decided for one level (SPEC §4): a commission, or why there is none. */
public enum LevelOutcome {
    COMMISSIONED,
    NO_PROMOTER,
    SELF_PURCHASE,
    PROMOTER_DISABLED,
    LEVEL2_OFF,
    ZERO_AMOUNT
}
