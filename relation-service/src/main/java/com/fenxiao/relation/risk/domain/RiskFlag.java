package com.fenxiao.relation.risk.domain;

import java.time.Instant;

public record RiskFlag(
        long id,
        long userId,
        FlagReason reason,
        String detail,
        FlagStatus status,
        Instant createdAt,
        Long resolvedBy,
        Instant resolvedAt,
        String resolutionNote) {}
