package com.fenxiao.common.event.commission.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

@EventType(value = "COMMISSION_SETTLED", topic = Topics.COMMISSION_EVENTS)
public record CommissionSettled(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long commissionId,
        String orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long promoterId,
        long amountFen,
        boolean held,
        Instant settledAt,
        // added compatibly: when the order completed and when its after-sales window closed
        Instant completedAt,
        Instant windowClosedAt)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(commissionId);
    }
}
