package com.fenxiao.commission.member.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

public interface MemberStandings {

    /** The standing of each member that has one; members absent from the map are clear. */
    Map<Long, MemberStanding> of(Collection<Long> userIds);

    /** Records a risk flag (reasons accumulate). */
    void flag(long userId, String reason, Instant at);

    /** Removes one cleared reason; the member stays flagged while other reasons remain. */
    void clearFlag(long userId, String reason, Instant at);

    /** Marks a member disabled or enabled again (the engine's own standing switch). */
    void setDisabled(long userId, boolean disabled, Instant at);

    /**
     * Follows relation-service's account status as of {@code at}; a change older than the one already
     * recorded (a late redelivery, or two changes delivered out of order) is ignored.
     *
     * @return whether the status recorded now is the one given
     */
    boolean setAccountDisabled(long userId, boolean disabled, Instant at);
}
