package com.fenxiao.commission.order.domain;

import java.time.Instant;

/** The promoters an order was computed with, as of which announcement, and what the level check found. */
public record ChainUsed(Long level1Id, Long level2Id, Instant asOf, String check) {

    public Long promoterAt(int level) {
        return level == 1 ? level1Id : level2Id;
    }
}
