package com.fenxiao.common.event.relation.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

@EventType(value = "RELATION_BOUND", topic = Topics.RELATION_EVENTS)
public record RelationBound(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long inviterId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long inviterL2Id,
        String channel,
        Instant boundAt)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(userId);
    }
}
