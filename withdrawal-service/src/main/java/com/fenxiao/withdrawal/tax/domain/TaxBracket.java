package com.fenxiao.withdrawal.tax.domain;

/**
 * One row of a withholding rate table: taxable income up to {@code upToFen} (inclusive; the last row
 * has {@link Long#MAX_VALUE}) is taxed at {@code rateBp} minus the quick deduction.
 */
public record TaxBracket(long upToFen, int rateBp, long quickDeductionFen) {

    public TaxBracket {
        if (rateBp < 0 || rateBp > 10_000 || quickDeductionFen < 0 || upToFen <= 0) {
            throw new IllegalArgumentException("invalid bracket");
        }
    }
}
