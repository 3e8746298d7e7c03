package com.fenxiao.common.event.relation.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

@EventType(value = "MEMBER_FLAGGED", topic = Topics.RELATION_EVENTS)
public record MemberFlagged(@JsonFormat(shape = JsonFormat.Shape.STRING) long userId, String reason, Instant flaggedAt)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(userId);
    }
}
