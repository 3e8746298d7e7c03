package com.fenxiao.withdrawal.export.domain;

import java.time.YearMonth;

/**
 * One person's withholding in one month (SPEC §7): the identity appears masked only, never the name
 * or ID number in plain text. {@code methods} lists the method codes used that month (one, unless the
 * configuration changed within the month).
 */
public record TaxLine(
        YearMonth month,
        long promoterId,
        String maskedName,
        String maskedIdNumber,
        long incomeFen,
        long taxFen,
        int payments,
        String methods) {}
