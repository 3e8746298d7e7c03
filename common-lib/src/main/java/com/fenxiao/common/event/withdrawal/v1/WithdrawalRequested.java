package com.fenxiao.common.event.withdrawal.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

@EventType(value = "WITHDRAWAL_REQUESTED", topic = Topics.WITHDRAWAL_EVENTS)
public record WithdrawalRequested(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long withdrawalId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long promoterId,
        String channel,
        long amountFen,
        long feeFen,
        long taxFen,
        long netFen,
        String status,
        String reason,
        Instant at)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(withdrawalId);
    }
}
