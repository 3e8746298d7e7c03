package com.fenxiao.withdrawal.tax.domain;

/**
 * Labour remuneration withheld per payment (预扣率表二). All payments to one person in one calendar
 * month (Asia/Shanghai) count as one payment: for the month's income X, taxable = X − 800 yuan when
 * X ≤ 4000 yuan, else X × 80%; each withdrawal withholds the month's tax so far minus what was already
 * withheld this month (never negative).
 */
public final class PerPaymentMethod {

    public static final String NAME = "PER_PAYMENT";
    private static final long THRESHOLD_FEN = 400_000L;
    private static final long FLAT_DEDUCTION_FEN = 80_000L;

    private final RateTable table;

    public PerPaymentMethod(RateTable table) {
        this.table = table;
    }

    public static PerPaymentMethod standard() {
        return new PerPaymentMethod(RateTable.TABLE_TWO);
    }

    /**
     * @param earlierIncomeThisMonthFen paid to this person earlier in the same month
     * @param withheldThisMonthFen tax already withheld from those payments
     * @param amountFen this withdrawal's gross amount
     */
    public Withholding withhold(long earlierIncomeThisMonthFen, long withheldThisMonthFen, long amountFen) {
        long income = Math.addExact(earlierIncomeThisMonthFen, amountFen);
        long monthTax = income <= THRESHOLD_FEN
                ? table.taxOn(income - FLAT_DEDUCTION_FEN, 1)
                : table.taxOn(Math.multiplyExact(income, 80L), 100L);
        long due = Math.max(0, monthTax - withheldThisMonthFen);
        return new Withholding(due, income, Math.addExact(withheldThisMonthFen, due), NAME);
    }
}
