package com.fenxiao.settlement.reconciliation.domain;

/**
 * SPEC §8: gross margin = paid − refunded − cost; commission as a share of it in basis points (rounded
 * down; none when there is no positive margin); an alert when commission exceeds the configured share
 * of margin, or when there is commission but no positive margin to pay it from. The alert compares
 * exact products, not the rounded share, so 50.004 % against a 50 % limit still alerts.
 */
public record MarginShare(long grossMarginFen, Long commissionShareBp, boolean alert) {

    public static final long FULL_BP = 10_000;

    public static MarginShare of(long paidFen, long refundedFen, long costFen, long commissionFen, int alertBp) {
        long margin = Math.subtractExact(Math.subtractExact(paidFen, refundedFen), costFen);
        if (margin <= 0) {
            return new MarginShare(margin, null, commissionFen > 0);
        }
        long share = Math.multiplyExact(commissionFen, FULL_BP) / margin;
        boolean alert = Math.multiplyExact(commissionFen, FULL_BP) > Math.multiplyExact((long) alertBp, margin);
        return new MarginShare(margin, share, alert);
    }
}
