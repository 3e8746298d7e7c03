package com.fenxiao.common.event.commission.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;
import java.util.List;

@EventType(value = "COMMISSION_REVERSED", topic = Topics.COMMISSION_EVENTS)
public record CommissionReversed(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long commissionId,
        String orderId,
        String refundId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long promoterId,
        long amountFen,
        Instant reversedAt,
        // added compatibly: what the commission is worth after the reversal, and its status
        Long remainingFen,
        String status,
        // added compatibly: per-product amounts after the reversal, the engine's record version, and
        // who decided (CommissionOrigin; absent means the engine)
        List<ProductShare> products,
        Integer recordVersion,
        String origin)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(commissionId);
    }
}
