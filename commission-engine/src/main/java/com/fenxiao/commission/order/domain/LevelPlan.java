package com.fenxiao.commission.order.domain;

/**
 * One level of a paid order: its promoter, the id its commission record has (fixed at payment, so the
 * record and every later change land in that promoter's shard), or why there is no commission.
 */
public record LevelPlan(
        int level, Long promoterId, Long commissionId, LevelOutcome outcome, boolean held, String holdReason) {

    public boolean commissioned() {
        return outcome == LevelOutcome.COMMISSIONED;
    }
}
