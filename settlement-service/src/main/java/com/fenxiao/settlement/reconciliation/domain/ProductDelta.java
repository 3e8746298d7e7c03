package com.fenxiao.settlement.reconciliation.domain;

/** A change of one product's running totals on one day. */
public record ProductDelta(long paidFen, long refundedFen, long costFen) {

    public static final ProductDelta ZERO = new ProductDelta(0, 0, 0);

    public ProductDelta plus(ProductDelta other) {
        return new ProductDelta(
                Math.addExact(paidFen, other.paidFen),
                Math.addExact(refundedFen, other.refundedFen),
                Math.addExact(costFen, other.costFen));
    }

    public boolean isZero() {
        return paidFen == 0 && refundedFen == 0 && costFen == 0;
    }
}
