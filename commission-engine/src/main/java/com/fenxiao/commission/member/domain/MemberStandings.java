package com.fenxiao.commission.member.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

public interface MemberStandings {

    /** The standing of each member that has one; members absent from the map are clear. */
    Map<Long, MemberStanding> of(Collection<Long> userIds);

    /** Records a risk flag (reasons accumulate). */
    void flag(long userId, String reason, Instant at);

    /** Marks a member disabled or enabled again. */
    void setDisabled(long userId, boolean disabled, Instant at);
}
