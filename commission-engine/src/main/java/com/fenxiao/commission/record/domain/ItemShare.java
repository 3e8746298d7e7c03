package com.fenxiao.commission.record.domain;

/**
 * One item's part of a commission: floor((paidFen − refundedFen) × rateBp / 10000), with the rate and
 * the rule versions it came from (SPEC §4: the breakdown is kept, every commission records its rates).
 */
public record ItemShare(
        String itemId,
        String productId,
        long paidFen,
        long refundedFen,
        int rateBp,
        long amountFen,
        String rateSource) {}
