package com.fenxiao.settlement.reconciliation.domain;

import java.time.LocalDate;
import java.util.List;

/** Reads the running totals per day and product, in (day, product) order, a bounded page at a time. */
public interface ReconciliationDays {

    /**
     * Up to {@code limit} day/product totals with {@code from <= day <= to} (and the product, when not
     * null) that come after {@code after} (null: from the start), each complete over all shards.
     */
    List<DayProductTotals> page(LocalDate from, LocalDate to, String productId, Position after, int limit);

    record Position(LocalDate day, String productId) {}
}
