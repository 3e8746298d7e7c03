package com.fenxiao.commission.adjustment.application;

import com.fasterxml.jackson.annotation.JsonFormat;

/** What an adjustment request carries: which commission (and its shard key), by how many fen. */
public record AdjustmentRequest(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long commissionId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long promoterId,
        String orderId,
        long deltaFen) {}
