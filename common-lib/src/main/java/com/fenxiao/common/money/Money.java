package com.fenxiao.common.money;

import java.math.BigDecimal;

/**
 * An amount of money in fen (1 CNY = 100 fen). Arithmetic is exact: overflow throws instead of
 * wrapping. Rates are basis points (800 bp = 8%); the rounding rule is named by the caller.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(fen, factor));
    }

    /** Commission rule (SPEC §4): floor(amount × rate / 10000), never rounding up in the earner's favour. */
    public Money rateFloor(int basisPoints) {
        if (basisPoints < 0) {
            throw new IllegalArgumentException("negative rate: " + basisPoints);
        }
        return new Money(Math.floorDiv(Math.multiplyExact(fen, (long) basisPoints), 10_000L));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** Yuan with two decimals, for exports and logs only; never parsed back. */
    public String toYuanString() {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    @Override
    public String toString() {
        return fen + " fen";
    }
}
