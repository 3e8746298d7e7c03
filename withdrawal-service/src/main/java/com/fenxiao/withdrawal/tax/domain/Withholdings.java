package com.fenxiao.withdrawal.tax.domain;

import java.time.Instant;
import java.time.YearMonth;

/** Every withholding, per person per month (the tax export); a returned withdrawal's is voided. */
public interface Withholdings {

    TaxHistory historyOf(long promoterId, YearMonth month);

    void record(
            long withdrawalId,
            long promoterId,
            YearMonth month,
            long incomeFen,
            long taxFen,
            String method,
            Instant at);

    void voidFor(long promoterId, long withdrawalId);

    /** Monthly totals per person within [from, to] months, for the export. */
    void forEachMonthlyTotal(YearMonth from, YearMonth to, java.util.function.Consumer<MonthlyTotal> sink);

    record MonthlyTotal(long promoterId, YearMonth month, long incomeFen, long taxFen, int payments) {}
}
