package com.fenxiao.common.time;

import java.time.ZoneId;

/** Stored times are UTC; business dates (after-sales deadline, tax month) are computed here. */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {}

    /** The business day (Asia/Shanghai) an instant falls on. */
    public static java.time.LocalDate dateOf(java.time.Instant instant) {
        return java.time.LocalDate.ofInstant(instant, ZONE);
    }
}
