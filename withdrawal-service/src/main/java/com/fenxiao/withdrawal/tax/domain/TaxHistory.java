package com.fenxiao.withdrawal.tax.domain;

import java.time.YearMonth;
import java.util.Set;

/** What was already paid to one person and withheld, for the month and the year of a new payment. */
public record TaxHistory(
        long incomeThisMonthFen,
        long taxThisMonthFen,
        long incomeThisYearFen,
        long taxThisYearFen,
        Set<YearMonth> monthsWithIncomeThisYear) {

    public static final TaxHistory NONE = new TaxHistory(0, 0, 0, 0, Set.of());
}
