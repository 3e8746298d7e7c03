package com.fenxiao.commission.approval.domain;

import java.time.Instant;

/** One sensitive action: who did what to which thing, before and after, why, when (SPEC §8). */
public record AuditEntry(
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
