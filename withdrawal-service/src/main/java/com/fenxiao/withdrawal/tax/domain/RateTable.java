package com.fenxiao.withdrawal.tax.domain;

import java.util.List;

/**
 * A withholding rate table as data (SPEC §7): the brackets in ascending order. Tax on a taxable
 * amount is {@code taxable × rate − quick deduction} of the first bracket that holds it, rounded
 * half-up to the fen, never below zero.
 */
public record RateTable(String name, List<TaxBracket> brackets) {

    /** 预扣率表一 (cumulative withholding, used by the platform cumulative method). */
    public static final RateTable TABLE_ONE = new RateTable(
            "预扣率表一",
            List.of(
                    new TaxBracket(3_600_000L, 300, 0),
                    new TaxBracket(14_400_000L, 1_000, 252_000L),
                    new TaxBracket(30_000_000L, 2_000, 1_692_000L),
                    new TaxBracket(42_000_000L, 2_500, 3_192_000L),
                    new TaxBracket(66_000_000L, 3_000, 5_292_000L),
                    new TaxBracket(96_000_000L, 3_500, 8_592_000L),
                    new TaxBracket(Long.MAX_VALUE, 4_500, 18_192_000L)));

    /** 预扣率表二 (labour remuneration per payment). */
    public static final RateTable TABLE_TWO = new RateTable(
            "预扣率表二",
            List.of(
                    new TaxBracket(2_000_000L, 2_000, 0),
                    new TaxBracket(5_000_000L, 3_000, 200_000L),
                    new TaxBracket(Long.MAX_VALUE, 4_000, 700_000L)));

    public RateTable {
        brackets = List.copyOf(brackets);
        if (brackets.isEmpty() || brackets.get(brackets.size() - 1).upToFen() != Long.MAX_VALUE) {
            throw new IllegalArgumentException("the last bracket must be open-ended");
        }
    }

    /**
     * Tax on a taxable amount given as an exact fraction {@code numerator / denominator} of fen, so a
     * taxable amount such as 80% of an income is not rounded before the rate is applied.
     */
    public long taxOn(long numerator, long denominator) {
        if (numerator <= 0) {
            return 0;
        }
        for (TaxBracket b : brackets) {
            // taxable ≤ upTo  ⇔  numerator ≤ upTo × denominator (upTo = MAX always holds)
            if (b.upToFen() == Long.MAX_VALUE || numerator <= Math.multiplyExact(b.upToFen(), denominator)) {
                // tax = numerator × rate / (denominator × 10000) − deduction, rounded half-up
                long scale = Math.multiplyExact(denominator, 10_000L);
                long exact = Math.subtractExact(
                        Math.multiplyExact(numerator, (long) b.rateBp()),
                        Math.multiplyExact(b.quickDeductionFen(), scale));
                return exact <= 0 ? 0 : Math.floorDiv(Math.addExact(exact, scale / 2), scale);
            }
        }
        throw new IllegalStateException("unreachable: open-ended last bracket");
    }
}
