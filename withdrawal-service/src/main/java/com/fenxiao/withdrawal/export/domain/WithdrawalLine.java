package com.fenxiao.withdrawal.export.domain;

import java.time.Instant;

/** One withdrawal as exported: what was asked, withheld and paid, and where it stands. */
public record WithdrawalLine(
        long id,
        long promoterId,
        String channel,
        long amountFen,
        long feeFen,
        long taxFen,
        long netFen,
        String taxMethod,
        String status,
        Instant requestedAt,
        Instant paidAt,
        String bankReference,
        String outBillNo) {}
