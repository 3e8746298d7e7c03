package com.fenxiao.common.event.commission.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

@EventType(value = "COMMISSION_CANCELLED", topic = Topics.COMMISSION_EVENTS)
public record CommissionCancelled(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long commissionId,
        String orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long promoterId,
        long amountFen,
        String reason,
        Instant cancelledAt,
        // added compatibly: the refund that cancelled it
        String refundId,
        // added compatibly: the engine's record version (absent when settlement cancelled a held
        // commission), and who decided (CommissionOrigin; absent means the engine)
        Integer recordVersion,
        String origin)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(commissionId);
    }
}
