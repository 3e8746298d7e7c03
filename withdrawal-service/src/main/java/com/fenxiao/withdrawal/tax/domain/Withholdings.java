package com.fenxiao.withdrawal.tax.domain;

import java.time.Instant;
import java.time.YearMonth;

/** Every withholding, per person per month (the tax export reads them per physical table); a returned withdrawal's is voided. */
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
}
