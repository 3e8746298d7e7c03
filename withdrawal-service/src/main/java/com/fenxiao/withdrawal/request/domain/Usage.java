package com.fenxiao.withdrawal.request.domain;

/**
 * What the member has already requested (not rejected or failed) today and this month, in
 * Asia/Shanghai calendar terms.
 */
public record Usage(int countToday, long amountTodayFen, long amountThisMonthFen) {

    public static final Usage NONE = new Usage(0, 0, 0);
}
