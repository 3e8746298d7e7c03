package com.fenxiao.common.event.relation.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

@EventType(value = "RELATION_UNBOUND", topic = Topics.RELATION_EVENTS)
public record RelationUnbound(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long formerInviterId,
        String reason,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long operatorId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long approvalId,
        Instant unboundAt)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(userId);
    }
}
