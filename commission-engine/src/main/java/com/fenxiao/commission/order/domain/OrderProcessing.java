package com.fenxiao.commission.order.domain;

import com.fenxiao.commission.record.domain.Commission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * The engine's two steps for one order, shared by the batch use case and the golden tests:
 * facts are applied to the snapshot on the order's shard, then each change is projected onto the
 * commission records on the promoters' shards, fact by fact.
 */
public final class OrderProcessing {

    private OrderProcessing() {}

    /** The snapshot after every fact, and the changes in order (duplicates leave no change). */
    public record Applied(OrderSnapshot last, List<OrderSnapshot.Applied> changes) {}

    public static Applied applyAll(OrderSnapshot start, List<OrderFact> facts, PaymentContext context) {
        OrderSnapshot current = start;
        List<OrderSnapshot.Applied> changes = new ArrayList<>();
        for (OrderFact fact : facts) {
            OrderSnapshot.Applied applied = current.apply(fact, context);
            if (applied.changed()) {
                changes.add(applied);
                current = applied.snapshot();
            }
        }
        return new Applied(current, changes);
    }

    /** The records by level after the changes, and every step that changed one. */
    public record Projected(Map<Integer, Commission> records, List<CommissionProjection.Step> steps) {}

    /**
     * @param current the order's records by level as stored now
     * @param changes the order's changes in the order they happened; when there are none (a redelivery
     *     after a failure between the two steps) the stored snapshot is projected once, so whatever the
     *     first attempt did not finish is finished now
     */
    public static Projected project(
            Map<Integer, Commission> current, OrderSnapshot last, List<OrderSnapshot.Applied> changes, Instant now) {
        return project(current, last, changes, now, level -> true);
    }

    /** As above, for the levels whose promoters live on the shard at hand. */
    public static Projected project(
            Map<Integer, Commission> current,
            OrderSnapshot last,
            List<OrderSnapshot.Applied> changes,
            Instant now,
            IntPredicate levels) {
        Map<Integer, Commission> records = new TreeMap<>(current);
        List<CommissionProjection.Step> steps = new ArrayList<>();
        List<OrderSnapshot.Applied> timeline =
                changes.isEmpty() ? List.of(new OrderSnapshot.Applied(last, recoveryCause(last, now))) : changes;
        for (OrderSnapshot.Applied change : timeline) {
            for (int level = 1; level <= OrderSnapshot.LEVELS; level++) {
                if (!levels.test(level)) {
                    continue;
                }
                CommissionProjection.Step step =
                        CommissionProjection.project(records.get(level), change.snapshot(), level, change.cause(), now);
                if (step.changed()) {
                    records.put(level, step.next());
                    steps.add(step);
                }
            }
        }
        return new Projected(records, steps);
    }

    private static Cause recoveryCause(OrderSnapshot last, Instant now) {
        if (!last.refunds().isEmpty()) {
            RefundRecord refund = last.refunds().get(last.refunds().size() - 1);
            return new Cause(Cause.Kind.REFUNDED, refund.eventId(), refund.refundId(), refund.refundedAt());
        }
        return new Cause(Cause.Kind.PAID, last.paidEventId(), null, last.paidAt() == null ? now : last.paidAt());
    }
}
