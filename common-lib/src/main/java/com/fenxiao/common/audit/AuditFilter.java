package com.fenxiao.common.audit;

import java.time.Instant;

/** What staff look for in the audit log; every part is optional. {@code to} is exclusive. */
public record AuditFilter(String targetType, String targetId, Long actorId, String action, Instant from, Instant to) {

    public static AuditFilter target(String targetType, String targetId) {
        return new AuditFilter(targetType, targetId, null, null, null, null);
    }
}
