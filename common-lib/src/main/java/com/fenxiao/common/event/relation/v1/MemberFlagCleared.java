package com.fenxiao.common.event.relation.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

/**
 * Staff cleared one of a member's risk flags as a false alarm: holds taken for that reason may be
 * lifted. Other flags of the member (other reasons) stay in force until cleared themselves.
 */
@EventType(value = "MEMBER_FLAG_CLEARED", topic = Topics.RELATION_EVENTS)
public record MemberFlagCleared(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long flagId,
        String reason,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long clearedBy,
        Instant clearedAt)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(userId);
    }
}
