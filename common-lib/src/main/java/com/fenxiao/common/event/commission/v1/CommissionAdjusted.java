package com.fenxiao.common.event.commission.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;
import java.util.List;

@EventType(value = "COMMISSION_ADJUSTED", topic = Topics.COMMISSION_EVENTS)
public record CommissionAdjusted(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long commissionId,
        String orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long promoterId,
        long deltaFen,
        long amountFen,
        String reason,
        Instant adjustedAt,
        // added compatibly: the refund that reduced it, or the approval of a manual adjustment
        String refundId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long approvalId,
        // added compatibly: per-product amounts after the change, the engine's record version
        List<ProductShare> products,
        Integer recordVersion)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(commissionId);
    }
}
