package com.fenxiao.commission.rule.domain;

/** The rates one item of an order earns at each level, and which rule versions they came from. */
public record ItemRates(int level1Bp, int level2Bp, String source) {

    public int atLevel(int level) {
        return switch (level) {
            case 1 -> level1Bp;
            case 2 -> level2Bp;
            default -> throw new IllegalArgumentException("only two levels exist: " + level);
        };
    }
}
