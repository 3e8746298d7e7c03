package com.fenxiao.commission.order.domain;

/** One item of a paid order with the rates it earns at each level and the rule versions they came from. */
public record OrderLine(
        String itemId,
        String productId,
        String categoryId,
        int quantity,
        long paidFen,
        long costFen,
        int level1Bp,
        int level2Bp,
        String rateSource) {

    public int rateAt(int level) {
        return level == 1 ? level1Bp : level2Bp;
    }
}
