package com.fenxiao.common.event.relation.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

/**
 * {@code userId} now has these inviters. {@code userNickname} (added compatibly; null in older messages and
 * in re-announcements after an upline change) is the member's nickname already masked by relation-service
 * (SPEC §4: promoters see buyers' nicknames masked only), so the raw nickname never leaves that service.
 */
@EventType(value = "RELATION_BOUND", topic = Topics.RELATION_EVENTS)
public record RelationBound(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long inviterId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long inviterL2Id,
        String channel,
        Instant boundAt,
        String userNickname)
        implements PlatformEvent {

    /** A binding announced without the member's nickname (re-announcements, older producers). */
    public RelationBound(long userId, long inviterId, Long inviterL2Id, String channel, Instant boundAt) {
        this(userId, inviterId, inviterL2Id, channel, boundAt, null);
    }

    @Override
    public String key() {
        return String.valueOf(userId);
    }
}
