package com.fenxiao.commission.order.domain;

import com.fenxiao.commission.chain.domain.ChainAtPayment;
import com.fenxiao.commission.member.domain.MemberStanding;
import com.fenxiao.commission.record.domain.CommissionCalculator;
import com.fenxiao.commission.rule.domain.ItemRates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine knows about one order, sharded by order id: the items with paid and cost fen,
 * the chain and the rates used at payment, the decision per level, and every completion and refund,
 * including those that arrived before the payment. Facts are deduplicated by their natural key (one
 * payment, one completion, one refund per refund id), so a redelivery or a resend under a new event id
 * changes nothing. Immutable: {@link #apply} returns the next snapshot.
 */
public record OrderSnapshot(
        String orderId,
        OrderState state,
        String orderNo,
        Long buyerId,
        Instant paidAt,
        String paidEventId,
        Instant completedAt,
        String completedEventId,
        List<OrderLine> lines,
        ChainUsed chain,
        List<LevelPlan> levels,
        List<RefundRecord> refunds,
        long ruleVersion,
        boolean level2Enabled,
        int version) {

    public static final int LEVELS = 2;

    public OrderSnapshot {
        lines = List.copyOf(lines);
        levels = List.copyOf(levels);
        refunds = List.copyOf(refunds);
    }

    /** An order we have heard of but whose payment has not arrived. */
    public static OrderSnapshot awaiting(String orderId) {
        return new OrderSnapshot(
                orderId,
                OrderState.AWAITING_PAYMENT,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                List.of(),
                List.of(),
                0,
                true,
                0);
    }

    /** The next snapshot and the cause of the change, or this snapshot and a null cause for a duplicate. */
    public record Applied(OrderSnapshot snapshot, Cause cause) {
        public boolean changed() {
            return cause != null;
        }
    }

    public Applied apply(OrderFact fact, PaymentContext context) {
        if (!fact.orderId().equals(orderId)) {
            throw new IllegalArgumentException("fact of order " + fact.orderId() + " applied to " + orderId);
        }
        if (fact instanceof OrderFact.Paid paid) {
            return state == OrderState.PAID ? unchanged() : pay(paid, context);
        }
        if (fact instanceof OrderFact.Completed completed) {
            return completedAt != null ? unchanged() : complete(completed);
        }
        OrderFact.Refunded refunded = (OrderFact.Refunded) fact;
        return hasRefund(refunded.refundId()) ? unchanged() : refund(refunded);
    }

    private Applied unchanged() {
        return new Applied(this, null);
    }

    private boolean hasRefund(String refundId) {
        return refunds.stream().anyMatch(r -> r.refundId().equals(refundId));
    }

    private Applied pay(OrderFact.Paid paid, PaymentContext context) {
        List<OrderLine> newLines = new ArrayList<>(paid.items().size());
        for (OrderFact.Item item : paid.items()) {
            ItemRates rates = context.ratesFor(item.productId(), item.categoryId(), paid.paidAt());
            newLines.add(new OrderLine(
                    item.itemId(),
                    item.productId(),
                    item.categoryId(),
                    item.quantity(),
                    item.paidFen(),
                    item.costFen(),
                    rates.level1Bp(),
                    rates.level2Bp(),
                    rates.source()));
        }
        ChainAtPayment.Resolved resolved = context.chainOf(paid.buyerId(), paid.paidAt());
        ChainUsed used = new ChainUsed(resolved.level1Id(), resolved.level2Id(), resolved.asOf(), resolved.check());
        boolean level2On = context.level2Enabled(paid.paidAt());
        OrderSnapshot priced = new OrderSnapshot(
                orderId,
                OrderState.PAID,
                paid.orderNo(),
                paid.buyerId(),
                paid.paidAt(),
                paid.eventId(),
                completedAt,
                completedEventId,
                newLines,
                used,
                List.of(),
                refunds,
                context.ruleVersion(),
                level2On,
                version);
        MemberStanding buyerStanding = context.standingOf(paid.buyerId());
        List<LevelPlan> plans = new ArrayList<>(LEVELS);
        for (int level = 1; level <= LEVELS; level++) {
            Long promoter = used.promoterAt(level);
            LevelOutcome outcome;
            if (promoter == null) {
                outcome = LevelOutcome.NO_PROMOTER;
            } else if (promoter == paid.buyerId()) {
                outcome = LevelOutcome.SELF_PURCHASE;
            } else if (level == 2 && !level2On) {
                outcome = LevelOutcome.LEVEL2_OFF;
            } else if (context.standingOf(promoter).disabled()) {
                outcome = LevelOutcome.PROMOTER_DISABLED;
            } else if (priced.commissionAt(level).amountFen() == 0) {
                outcome = LevelOutcome.ZERO_AMOUNT;
            } else {
                outcome = LevelOutcome.COMMISSIONED;
            }
            if (outcome != LevelOutcome.COMMISSIONED) {
                plans.add(new LevelPlan(level, promoter, null, outcome, false, null));
                continue;
            }
            String hold = null;
            if (context.standingOf(promoter).accountDisabled()) {
                hold = "EARNER_DISABLED";
            } else if (buyerStanding.flagged()) {
                hold = "BUYER_FLAGGED";
            } else if (context.standingOf(promoter).flagged()) {
                hold = "PROMOTER_FLAGGED";
            }
            plans.add(new LevelPlan(level, promoter, context.nextCommissionId(), outcome, hold != null, hold));
        }
        OrderSnapshot next = new OrderSnapshot(
                orderId,
                OrderState.PAID,
                paid.orderNo(),
                paid.buyerId(),
                paid.paidAt(),
                paid.eventId(),
                completedAt,
                completedEventId,
                newLines,
                used,
                plans,
                refunds,
                context.ruleVersion(),
                level2On,
                version + 1);
        return new Applied(next, new Cause(Cause.Kind.PAID, paid.eventId(), null, paid.paidAt()));
    }

    private Applied complete(OrderFact.Completed completed) {
        OrderSnapshot next = new OrderSnapshot(
                orderId,
                state,
                orderNo,
                buyerId,
                paidAt,
                paidEventId,
                completed.completedAt(),
                completed.eventId(),
                lines,
                chain,
                levels,
                refunds,
                ruleVersion,
                level2Enabled,
                version + 1);
        return new Applied(next, new Cause(Cause.Kind.COMPLETED, completed.eventId(), null, completed.completedAt()));
    }

    private Applied refund(OrderFact.Refunded refunded) {
        List<RefundRecord> more = new ArrayList<>(refunds);
        more.add(new RefundRecord(refunded.refundId(), refunded.eventId(), refunded.refundedAt(), refunded.items()));
        OrderSnapshot next = new OrderSnapshot(
                orderId,
                state,
                orderNo,
                buyerId,
                paidAt,
                paidEventId,
                completedAt,
                completedEventId,
                lines,
                chain,
                levels,
                more,
                ruleVersion,
                level2Enabled,
                version + 1);
        return new Applied(
                next, new Cause(Cause.Kind.REFUNDED, refunded.eventId(), refunded.refundId(), refunded.refundedAt()));
    }

    /** Refunded fen per item, summed over every refund and capped at what the item was paid. */
    public Map<String, Long> refundedByItem() {
        Map<String, Long> paid = new HashMap<>();
        for (OrderLine line : lines) {
            paid.put(line.itemId(), line.paidFen());
        }
        Map<String, Long> refunded = new HashMap<>();
        for (RefundRecord refund : refunds) {
            for (OrderFact.RefundLine line : refund.items()) {
                if (paid.containsKey(line.itemId())) {
                    refunded.merge(line.itemId(), line.refundFen(), Math::addExact);
                }
            }
        }
        refunded.replaceAll((item, fen) -> Math.min(fen, paid.get(item)));
        return refunded;
    }

    /** True once every item is refunded in full (a paid order only). */
    public boolean fullyRefunded() {
        if (state != OrderState.PAID || lines.isEmpty()) {
            return false;
        }
        Map<String, Long> refunded = refundedByItem();
        return lines.stream().allMatch(l -> refunded.getOrDefault(l.itemId(), 0L) >= l.paidFen());
    }

    /** The commission one level earns on what remains paid, per item. */
    public CommissionCalculator.Result commissionAt(int level) {
        Map<String, Long> refunded = refundedByItem();
        List<CommissionCalculator.Line> calc = new ArrayList<>(lines.size());
        for (OrderLine line : lines) {
            calc.add(new CommissionCalculator.Line(
                    line.itemId(),
                    line.productId(),
                    line.paidFen(),
                    refunded.getOrDefault(line.itemId(), 0L),
                    line.rateAt(level),
                    line.rateSource()));
        }
        return CommissionCalculator.compute(calc);
    }

    public LevelPlan level(int level) {
        return levels.stream().filter(p -> p.level() == level).findFirst().orElse(null);
    }

    public long paidTotalFen() {
        return lines.stream().mapToLong(OrderLine::paidFen).reduce(0, Math::addExact);
    }

    public long costTotalFen() {
        return lines.stream().mapToLong(OrderLine::costFen).reduce(0, Math::addExact);
    }

    public long refundedTotalFen() {
        return refundedByItem().values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }
}
