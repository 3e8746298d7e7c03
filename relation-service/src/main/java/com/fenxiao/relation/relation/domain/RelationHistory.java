package com.fenxiao.relation.relation.domain;

import java.time.Instant;
import java.util.List;

/** The append-only record of every bind, refused bind, unbind and level-2 change. */
public interface RelationHistory {

    enum Action {
        BOUND,
        REFUSED,
        UNBOUND,
        UPLINE_CHANGED
    }

    record Entry(
            long id,
            long userId,
            Action action,
            Long inviterId,
            Long inviterL2Id,
            String inviteCode,
            String channel,
            String reason,
            String deviceId,
            String ip,
            Long operatorId,
            Long approvalId,
            Instant occurredAt) {}

    void append(List<Entry> entries);

    List<Entry> of(long userId, int limit);
}
