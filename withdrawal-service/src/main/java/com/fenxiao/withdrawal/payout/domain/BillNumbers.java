package com.fenxiao.withdrawal.payout.domain;

import java.util.OptionalLong;

/**
 * Out-bill numbers are derived from the withdrawal and an attempt counter ({@code W<id>A<n>}), so the
 * number of an attempt is stable across retries and a callback names its withdrawal.
 */
public final class BillNumbers {

    private BillNumbers() {}

    public static String of(long withdrawalId, int attempt) {
        return "W" + withdrawalId + "A" + attempt;
    }

    public static OptionalLong withdrawalOf(String outBillNo) {
        if (outBillNo == null || !outBillNo.matches("W\\d{1,19}A\\d{1,4}")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(outBillNo.substring(1, outBillNo.indexOf('A'))));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
