package com.fenxiao.settlement.reconciliation.domain;

/** A day (and product, or all products when {@code productId} is null) with its margin and alert. */
public record ReconciliationLine(DayProductTotals totals, MarginShare margin) {

    public static ReconciliationLine of(DayProductTotals totals, int alertBp) {
        return new ReconciliationLine(totals, totals.margin(alertBp));
    }
}
