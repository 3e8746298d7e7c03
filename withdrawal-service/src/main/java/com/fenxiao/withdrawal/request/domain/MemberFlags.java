package com.fenxiao.withdrawal.request.domain;

import java.time.Instant;

/** Risk flags learnt from relation-service; any open flag sends withdrawals to manual review. */
public interface MemberFlags {

    boolean isFlagged(long userId);

    void flag(long userId, String reason, Instant at);

    void clear(long userId, String reason);
}
