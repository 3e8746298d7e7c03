package com.fenxiao.relation.promoter.domain;

import java.time.Instant;
import java.util.List;

/** A promoter's invitees: level 1 (direct) and level 2 (their invitees). There is no third level. */
public interface Team {

    long count(long promoterId, TeamLevel level);

    /** Newest first, after {@code cursor} (exclusive), at most {@code size}. */
    List<TeamMember> page(long promoterId, TeamLevel level, TeamCursor cursor, int size);

    record TeamMember(long userId, String nickname, Instant joinedAt) {}
}
