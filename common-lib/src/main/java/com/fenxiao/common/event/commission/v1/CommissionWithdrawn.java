package com.fenxiao.common.event.commission.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

/**
 * A paid withdrawal now covers this available commission in full (oldest first, SPEC §5). Published by
 * settlement-service; {@code withdrawalId} is the withdrawal that completed the coverage.
 */
@EventType(value = "COMMISSION_WITHDRAWN", topic = Topics.COMMISSION_EVENTS)
public record CommissionWithdrawn(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long commissionId,
        String orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long promoterId,
        long amountFen,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long withdrawalId,
        Instant withdrawnAt)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(commissionId);
    }
}
