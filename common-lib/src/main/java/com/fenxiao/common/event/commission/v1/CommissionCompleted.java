package com.fenxiao.common.event.commission.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;
import java.util.List;

/**
 * The order of a pending commission was completed (received / fulfilled): its after-sales window starts
 * at {@code completedAt} (SPEC §5). {@code productIds} lets settlement pick the longest per-product window.
 */
@EventType(value = "COMMISSION_COMPLETED", topic = Topics.COMMISSION_EVENTS)
public record CommissionCompleted(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long commissionId,
        String orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long promoterId,
        Instant completedAt,
        List<String> productIds,
        Integer recordVersion)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(commissionId);
    }
}
