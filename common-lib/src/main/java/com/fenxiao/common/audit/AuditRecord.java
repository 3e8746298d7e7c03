package com.fenxiao.common.audit;

import java.time.Instant;

/** One sensitive action (SPEC §8): who did what to which target, before and after, why, when, in which request. */
public record AuditRecord(
        long id,
        long actorId,
        String action,
        String targetType,
        String targetId,
        String before,
        String after,
        String reason,
        String requestId,
        Instant at) {}
