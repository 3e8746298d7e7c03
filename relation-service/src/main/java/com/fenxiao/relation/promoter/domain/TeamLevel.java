package com.fenxiao.relation.promoter.domain;

import java.util.Optional;

/** The only two levels there are (SPEC §2.1). */
public enum TeamLevel {
    ONE,
    TWO;

    public static Optional<TeamLevel> of(String raw) {
        if ("1".equals(raw)) {
            return Optional.of(ONE);
        }
        if ("2".equals(raw)) {
            return Optional.of(TWO);
        }
        return Optional.empty();
    }
}
