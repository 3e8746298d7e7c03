package com.fenxiao.settlement.release.domain;

import java.time.Instant;

/** A pending commission whose after-sales window has closed, as the release job reads it. */
public record DueCommission(
        long id, long promoterId, String orderId, long amountFen, boolean held, Instant completedAt, long dueAtMs) {}
