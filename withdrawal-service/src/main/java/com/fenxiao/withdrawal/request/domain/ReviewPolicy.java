package com.fenxiao.withdrawal.request.domain;

/**
 * SPEC §6 and §8: below {@code autoBelowFen} an unflagged member's withdrawal is approved at once;
 * otherwise finance reviews it, and from {@code dualFromFen} two different staff members must approve.
 */
public record ReviewPolicy(long autoBelowFen, long dualFromFen) {

    public enum Review {
        AUTOMATIC,
        SINGLE,
        DUAL
    }

    public ReviewPolicy {
        if (autoBelowFen < 0 || dualFromFen < autoBelowFen) {
            throw new IllegalArgumentException("inconsistent review thresholds");
        }
    }

    public Review reviewOf(long amountFen, boolean flagged) {
        if (amountFen >= dualFromFen) {
            return Review.DUAL;
        }
        return !flagged && amountFen < autoBelowFen ? Review.AUTOMATIC : Review.SINGLE;
    }
}
