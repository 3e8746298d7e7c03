package com.fenxiao.commission.rule.domain;

/** The highest rates any rule may set (configuration); a change above them is refused. */
public record RateCaps(int level1MaxBp, int level2MaxBp) {

    public RateCaps {
        if (level1MaxBp < 0 || level2MaxBp < 0 || level1MaxBp > 10_000 || level2MaxBp > 10_000) {
            throw new IllegalArgumentException("caps must be within 0..10000 bp");
        }
    }

    public int capLevel1(int bp) {
        return Math.min(bp, level1MaxBp);
    }

    public int capLevel2(int bp) {
        return Math.min(bp, level2MaxBp);
    }
}
