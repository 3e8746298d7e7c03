package com.fenxiao.withdrawal.tax.domain;

/**
 * The cumulative method for internet platforms (in force from 2025-10-01, SPEC §7): taxable =
 * cumulative income this year × 80% − 5000 yuan × the months of the current run of consecutive months
 * with income from this platform, taxed on 预扣率表一, minus the tax already withheld this year
 * (never negative).
 */
public final class PlatformCumulativeMethod {

    public static final String NAME = "PLATFORM_CUMULATIVE";
    private static final long MONTHLY_DEDUCTION_FEN = 500_000L;

    private final RateTable table;

    public PlatformCumulativeMethod(RateTable table) {
        this.table = table;
    }

    public static PlatformCumulativeMethod standard() {
        return new PlatformCumulativeMethod(RateTable.TABLE_ONE);
    }

    /**
     * @param earlierIncomeThisYearFen paid to this person earlier this calendar year
     * @param withheldThisYearFen tax already withheld this year
     * @param consecutiveMonths months in the current run of consecutive months with income, this
     *     month included (at least 1)
     * @param amountFen this withdrawal's gross amount
     */
    public Withholding withhold(
            long earlierIncomeThisYearFen, long withheldThisYearFen, int consecutiveMonths, long amountFen) {
        if (consecutiveMonths < 1 || consecutiveMonths > 12) {
            throw new IllegalArgumentException("consecutive months must be within 1..12: " + consecutiveMonths);
        }
        long income = Math.addExact(earlierIncomeThisYearFen, amountFen);
        // taxable × 100 = income × 80 − deduction × 100, kept exact until the rate is applied
        long numerator = Math.subtractExact(
                Math.multiplyExact(income, 80L), Math.multiplyExact(MONTHLY_DEDUCTION_FEN * consecutiveMonths, 100L));
        long yearTax = table.taxOn(numerator, 100L);
        long due = Math.max(0, yearTax - withheldThisYearFen);
        return new Withholding(due, income, Math.addExact(withheldThisYearFen, due), NAME);
    }
}
