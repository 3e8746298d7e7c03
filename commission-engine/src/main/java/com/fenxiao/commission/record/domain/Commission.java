package com.fenxiao.commission.record.domain;

import java.time.Instant;
import java.util.List;

/** One promoter's commission on one order at one level, with the per-item breakdown it was computed from. */
public record Commission(
        long id,
        String orderId,
        String orderNo,
        long promoterId,
        long buyerId,
        int level,
        long amountFen,
        int rateBp,
        List<ItemShare> breakdown,
        CommissionStatus status,
        Instant paidAt,
        Instant createdAt) {

    /** One item's share: floor(paidFen × rateBp / 10000). */
    public record ItemShare(String itemId, String productId, long paidFen, int rateBp, long amountFen) {}
}
