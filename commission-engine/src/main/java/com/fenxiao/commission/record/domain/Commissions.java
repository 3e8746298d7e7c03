package com.fenxiao.commission.record.domain;

import java.util.List;

public interface Commissions {

    /** Inserts unless a record for the same (order, level) exists; true when inserted. */
    boolean addIfAbsent(Commission commission);

    List<Commission> ofOrder(String orderId);

    List<Commission> ofPromoter(long promoterId, int limit);
}
