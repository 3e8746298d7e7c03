package com.fenxiao.common.event.relation.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

/**
 * Staff enabled a disabled member again: orders paid from {@code enabledAt} earn as usual. Commissions
 * already held while the member was disabled stay held until staff release or cancel them.
 */
@EventType(value = "MEMBER_ENABLED", topic = Topics.RELATION_EVENTS)
public record MemberEnabled(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        String reason,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long enabledBy,
        Instant enabledAt)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(userId);
    }
}
