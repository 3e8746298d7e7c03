package com.fenxiao.relation.risk.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface RiskFlags {

    boolean hasOpen(long userId, FlagReason reason);

    void add(RiskFlag flag);

    Optional<RiskFlag> byId(long id);

    /** Moves an OPEN flag to {@code to}; false when it was no longer open. */
    boolean resolve(long id, FlagStatus to, long staffId, String note, Instant at);

    /** Copies the member's active flag reasons onto the member row (and bumps its version). */
    void syncMember(long userId, Instant at);

    /** Newest first; {@code beforeId} is the cursor (exclusive), null for the first page. */
    List<RiskFlag> list(FlagStatus status, Long userId, Long beforeId, int size);
}
