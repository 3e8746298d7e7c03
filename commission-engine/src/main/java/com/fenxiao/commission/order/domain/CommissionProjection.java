package com.fenxiao.commission.order.domain;

import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.CommissionCalculator;
import com.fenxiao.commission.record.domain.CommissionStatus;
import com.fenxiao.commission.record.domain.ItemShare;
import java.time.Instant;

/**
 * Brings one level's commission record in line with its order after one fact (SPEC §4):
 * payment creates it; before settlement a partial refund recomputes it item by item and a full refund
 * (or an amount that falls to zero) cancels it; after settlement a refund takes the difference back as
 * a reversal; a completion stamps {@code completedAt} for the after-sales window. Applied fact by fact,
 * so a batch emits the same changes as one-by-one handling would.
 */
public final class CommissionProjection {

    private CommissionProjection() {}

    public enum ChangeKind {
        CREATED,
        ADJUSTED,
        CANCELLED,
        REVERSED,
        /** The record changed without anything to announce (completion time, breakdown). */
        QUIET
    }

    /** The record after the step ({@code null} when there is none) and what happened to it, if anything. */
    public record Step(Commission next, ChangeKind kind, long amountFen, Cause cause) {

        public boolean changed() {
            return kind != null;
        }
    }

    public static Step project(Commission current, OrderSnapshot order, int level, Cause cause, Instant now) {
        if (order.state() != OrderState.PAID) {
            return new Step(current, null, 0, cause);
        }
        LevelPlan plan = order.level(level);
        CommissionCalculator.Result computed = order.commissionAt(level);
        if (current == null) {
            if (plan == null || !plan.commissioned() || computed.amountFen() == 0 || order.fullyRefunded()) {
                return new Step(null, null, 0, cause);
            }
            Commission created = new Commission(
                    plan.commissionId(),
                    order.orderId(),
                    order.orderNo(),
                    plan.promoterId(),
                    order.buyerId(),
                    level,
                    computed.amountFen(),
                    computed.amountFen(),
                    computed.amountFen(),
                    0,
                    0,
                    nominalRate(order, level),
                    computed.breakdown(),
                    CommissionStatus.PENDING,
                    plan.held(),
                    plan.holdReason(),
                    order.chain() == null ? null : order.chain().check(),
                    null,
                    order.paidAt(),
                    order.completedAt(),
                    now,
                    now,
                    1,
                    order.version());
            return new Step(created, ChangeKind.CREATED, created.amountFen(), cause);
        }
        if (order.version() <= current.orderVersion()) {
            return new Step(current, null, 0, cause); // this view of the order is not newer than the record's
        }
        Commission next = current;
        ChangeKind kind = null;
        long amount = 0;
        boolean reduced =
                computed.amountFen() < current.computedFen() || (order.fullyRefunded() && current.amountFen() > 0);
        if (reduced) {
            long target = order.fullyRefunded() ? 0 : Math.max(0, computed.amountFen() + current.adjustmentFen());
            long reduction = Math.max(0, current.amountFen() - target);
            if (current.settled()) {
                CommissionStatus status = target == 0 ? CommissionStatus.REVERSED : current.status();
                next = current.withAmounts(
                        target,
                        computed.amountFen(),
                        current.adjustmentFen(),
                        Math.addExact(current.reversedFen(), reduction),
                        computed.breakdown(),
                        status,
                        now);
                kind = reduction > 0 ? ChangeKind.REVERSED : ChangeKind.QUIET;
                amount = reduction;
            } else if (current.status() == CommissionStatus.PENDING) {
                if (target == 0) {
                    next = current.withAmounts(
                            0,
                            computed.amountFen(),
                            current.adjustmentFen(),
                            current.reversedFen(),
                            computed.breakdown(),
                            CommissionStatus.CANCELLED,
                            now);
                    kind = ChangeKind.CANCELLED;
                    amount = current.amountFen();
                } else {
                    next = current.withAmounts(
                            target,
                            computed.amountFen(),
                            current.adjustmentFen(),
                            current.reversedFen(),
                            computed.breakdown(),
                            CommissionStatus.PENDING,
                            now);
                    kind = reduction > 0 ? ChangeKind.ADJUSTED : ChangeKind.QUIET;
                    amount = -reduction;
                }
            } else {
                // already cancelled or reversed: keep the breakdown current, nothing more to take back
                next = current.withAmounts(
                        current.amountFen(),
                        computed.amountFen(),
                        current.adjustmentFen(),
                        current.reversedFen(),
                        computed.breakdown(),
                        current.status(),
                        now);
                kind = ChangeKind.QUIET;
            }
        } else if (computed.amountFen() == current.computedFen() && !sameBreakdown(current, computed)) {
            // a refund too small to change the rounded amount still shows in the breakdown
            next = current.withAmounts(
                    current.amountFen(),
                    current.computedFen(),
                    current.adjustmentFen(),
                    current.reversedFen(),
                    computed.breakdown(),
                    current.status(),
                    now);
            kind = ChangeKind.QUIET;
        }
        if (order.completedAt() != null && next.completedAt() == null) {
            next = next.withCompletedAt(order.completedAt(), now);
            kind = kind == null ? ChangeKind.QUIET : kind;
        }
        if (kind == null) {
            return new Step(current, null, 0, cause);
        }
        return new Step(next.reflecting(order.version()), kind, amount, cause);
    }

    private static boolean sameBreakdown(Commission current, CommissionCalculator.Result computed) {
        if (current.breakdown().size() != computed.breakdown().size()) {
            return false;
        }
        for (int i = 0; i < computed.breakdown().size(); i++) {
            ItemShare a = current.breakdown().get(i);
            ItemShare b = computed.breakdown().get(i);
            if (a.refundedFen() != b.refundedFen() || a.amountFen() != b.amountFen()) {
                return false;
            }
        }
        return true;
    }

    /** The record's headline rate: the highest item rate at this level (each item's own rate is in the breakdown). */
    private static int nominalRate(OrderSnapshot order, int level) {
        return order.lines().stream().mapToInt(l -> l.rateAt(level)).max().orElse(0);
    }
}
