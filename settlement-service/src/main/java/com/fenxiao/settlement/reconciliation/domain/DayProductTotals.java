package com.fenxiao.settlement.reconciliation.domain;

import java.time.LocalDate;

/** One day and product of reconciliation, summed over every shard that holds part of it. */
public record DayProductTotals(
        LocalDate day, String productId, long paidFen, long refundedFen, long costFen, long commissionFen) {

    public DayProductTotals plus(DayProductTotals other) {
        return new DayProductTotals(
                day,
                productId,
                Math.addExact(paidFen, other.paidFen),
                Math.addExact(refundedFen, other.refundedFen),
                Math.addExact(costFen, other.costFen),
                Math.addExact(commissionFen, other.commissionFen));
    }

    public MarginShare margin(int alertBp) {
        return MarginShare.of(paidFen, refundedFen, costFen, commissionFen, alertBp);
    }
}
