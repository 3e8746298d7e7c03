package com.fenxiao.common.event.relation.v1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import java.time.Instant;

/**
 * Staff disabled a member's account: commissions they would earn on orders paid from {@code disabledAt}
 * are held ({@code EARNER_DISABLED}) until staff decide them; a later {@link MemberEnabled} with a newer
 * time restores earning for orders paid after it. Consumers compare the times, not the arrival order.
 */
@EventType(value = "MEMBER_DISABLED", topic = Topics.RELATION_EVENTS)
public record MemberDisabled(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        String reason,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long disabledBy,
        Instant disabledAt)
        implements PlatformEvent {

    @Override
    public String key() {
        return String.valueOf(userId);
    }
}
