package com.fenxiao.withdrawal.tax.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

/** Tax months and years are calendar months and years in Asia/Shanghai, whatever the stored UTC time. */
public final class TaxPeriods {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private TaxPeriods() {}

    public static YearMonth monthOf(Instant paidAt) {
        return YearMonth.from(paidAt.atZone(ZONE));
    }

    /**
     * Months in the run of consecutive months with income that ends with {@code current} (which has
     * income now), counted within {@code current}'s year.
     */
    public static int consecutiveMonths(YearMonth current, Set<YearMonth> earlierMonthsWithIncome) {
        int run = 1;
        YearMonth m = current.minusMonths(1);
        while (m.getYear() == current.getYear() && earlierMonthsWithIncome.contains(m)) {
            run++;
            m = m.minusMonths(1);
        }
        return run;
    }
}
