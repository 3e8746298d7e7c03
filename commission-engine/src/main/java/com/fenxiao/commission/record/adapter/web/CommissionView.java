package com.fenxiao.commission.record.adapter.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.ItemShare;
import java.time.Instant;
import java.util.List;

/** Staff view of a commission record, with the rates it used per item. */
public record CommissionView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        String orderId,
        String orderNo,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long promoterId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long buyerId,
        int level,
        long amountFen,
        long originalAmountFen,
        long computedFen,
        long adjustmentFen,
        long reversedFen,
        int rateBp,
        List<ItemShare> breakdown,
        String status,
        boolean held,
        String holdReason,
        String chainCheck,
        Instant paidAt,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt) {

    static CommissionView of(Commission c) {
        return new CommissionView(
                c.id(),
                c.orderId(),
                c.orderNo(),
                c.promoterId(),
                c.buyerId(),
                c.level(),
                c.amountFen(),
                c.originalAmountFen(),
                c.computedFen(),
                c.adjustmentFen(),
                c.reversedFen(),
                c.rateBp(),
                c.breakdown(),
                c.status().name(),
                c.held(),
                c.holdReason(),
                c.chainCheck(),
                c.paidAt(),
                c.completedAt(),
                c.createdAt(),
                c.updatedAt());
    }
}
