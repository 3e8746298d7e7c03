package com.fenxiao.withdrawal.tax.domain;

import java.time.YearMonth;

/** The withholding method chosen in configuration (SPEC §7); both are built and tested. */
public enum TaxMethod {
    PER_PAYMENT,
    PLATFORM_CUMULATIVE;

    private static final PerPaymentMethod PER_PAYMENT_RULES = PerPaymentMethod.standard();
    private static final PlatformCumulativeMethod CUMULATIVE_RULES = PlatformCumulativeMethod.standard();

    /** The tax this payment withholds, given the person's history in the payment's month and year. */
    public Withholding withhold(TaxHistory history, YearMonth month, long amountFen) {
        return switch (this) {
            case PER_PAYMENT ->
                PER_PAYMENT_RULES.withhold(history.incomeThisMonthFen(), history.taxThisMonthFen(), amountFen);
            case PLATFORM_CUMULATIVE ->
                CUMULATIVE_RULES.withhold(
                        history.incomeThisYearFen(),
                        history.taxThisYearFen(),
                        TaxPeriods.consecutiveMonths(month, history.monthsWithIncomeThisYear()),
                        amountFen);
        };
    }
}
