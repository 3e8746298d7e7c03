package com.fenxiao.common.event.commission.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;
import java.util.List;

@EventType(value = "COMMISSION_CREATED", topic = Topics.COMMISSION_EVENTS)
/**
 * A commission was recorded for one level of a paid order. {@code held} is true when a risk flag on the
 * buyer or the promoter makes settlement wait for an operator ({@code holdReason} says which).
 */
public record CommissionCreated(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long commissionId,
        String orderId,
        String orderNo,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long promoterId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long buyerId,
        int level,
        long amountFen,
        String status,
        Instant createdAt,
        // added compatibly: absent in older messages (null)
        Boolean held,
        String holdReason,
        Instant paidAt,
        // added compatibly: completion when it was known at creation (out-of-order events), the
        // per-product amounts, and the engine's record version (each change of the record raises it)
        Instant completedAt,
        List<ProductShare> products,
        Integer recordVersion)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(commissionId);
    }
}
