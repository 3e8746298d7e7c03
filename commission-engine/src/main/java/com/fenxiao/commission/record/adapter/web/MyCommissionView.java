package com.fenxiao.commission.record.adapter.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/** One line of a promoter's commission list: its source, level, amount, status, expected release. */
public record MyCommissionView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        String orderNo,
        String buyerNickname,
        int level,
        long amountFen,
        String status,
        boolean held,
        Instant createdAt,
        Instant expectedReleaseAt) {}
