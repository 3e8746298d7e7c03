package com.fenxiao.settlement.reconciliation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reconciliation keeps of one order: its items once paid, and every refund heard of. A refund
 * that arrives before its payment is kept and counted when the payment arrives; after that, every
 * refund in the list has been counted, so the list doubles as the set of applied refund ids.
 *
 * <p>Returned goods (SPEC §8, reconciliation rule "refund returns cost"): a refund of {@code r} fen
 * of an item paid {@code p} fen that cost {@code c} fen takes back {@code floor(c × r / p)} of its
 * cost. The rounding is applied to the item's cumulative refund, so several partial refunds take back
 * exactly what one refund of their sum would, and a full refund takes back the whole cost.
 */
public record ReconciledOrder(String orderId, LocalDate paidDay, List<PaidItem> items, List<OrderRefund> refunds) {

    public ReconciledOrder {
        items = items == null ? List.of() : List.copyOf(items);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    public static ReconciledOrder unheardOf(String orderId) {
        return new ReconciledOrder(orderId, null, List.of(), List.of());
    }

    public boolean paid() {
        return paidDay != null;
    }

    public boolean knowsRefund(String refundId) {
        return refunds.stream().anyMatch(r -> r.refundId().equals(refundId));
    }

    /** The order after its payment, or this order unchanged when the payment was already counted. */
    public Change pay(LocalDate day, List<PaidItem> paidItems) {
        if (paid()) {
            return new Change(this, Map.of());
        }
        ReconciledOrder next = new ReconciledOrder(orderId, day, paidItems, refunds);
        Map<String, ProductDelta> deltas = new LinkedHashMap<>();
        for (PaidItem item : paidItems) {
            deltas.merge(item.productId(), new ProductDelta(item.paidFen(), 0, item.costFen()), ProductDelta::plus);
        }
        Map<String, Long> refundedByItem = new LinkedHashMap<>();
        for (OrderRefund refund : refunds) {
            next.applyTo(deltas, refundedByItem, refund);
        }
        return new Change(next, withoutZeros(deltas));
    }

    /** The order with one more refund; counted now if the order is paid, else kept for the payment. */
    public Change refund(OrderRefund refund) {
        if (knowsRefund(refund.refundId())) {
            return new Change(this, Map.of());
        }
        List<OrderRefund> all = new ArrayList<>(refunds);
        all.add(refund);
        ReconciledOrder next = new ReconciledOrder(orderId, paidDay, items, all);
        if (!paid()) {
            return new Change(next, Map.of());
        }
        Map<String, Long> refundedByItem = new LinkedHashMap<>();
        for (OrderRefund earlier : refunds) {
            for (OrderRefund.Line line : earlier.lines()) {
                refundedByItem.merge(line.itemId(), line.refundFen(), Math::addExact);
            }
        }
        Map<String, ProductDelta> deltas = new LinkedHashMap<>();
        applyTo(deltas, refundedByItem, refund);
        return new Change(next, withoutZeros(deltas));
    }

    /** Adds one refund's effect to {@code deltas}, given what each item had refunded before it. */
    private void applyTo(Map<String, ProductDelta> deltas, Map<String, Long> refundedByItem, OrderRefund refund) {
        for (OrderRefund.Line line : refund.lines()) {
            PaidItem item = item(line.itemId());
            if (item == null) {
                // a refund of an item the order does not have: nothing to count it against
                continue;
            }
            long before = refundedByItem.getOrDefault(line.itemId(), 0L);
            long after = Math.addExact(before, line.refundFen());
            refundedByItem.put(line.itemId(), after);
            long costBack = returnedCost(item.costFen(), item.paidFen(), after)
                    - returnedCost(item.costFen(), item.paidFen(), before);
            deltas.merge(item.productId(), new ProductDelta(0, line.refundFen(), -costBack), ProductDelta::plus);
        }
    }

    /** Cost taken back by refunds of {@code refundedFen} in all: floor(cost × refunded / paid), at most the cost. */
    public static long returnedCost(long costFen, long paidFen, long refundedFen) {
        if (refundedFen <= 0 || costFen <= 0) {
            return 0;
        }
        if (paidFen <= 0 || refundedFen >= paidFen) {
            return costFen;
        }
        return Math.multiplyExact(costFen, refundedFen) / paidFen;
    }

    private PaidItem item(String itemId) {
        for (PaidItem item : items) {
            if (item.itemId().equals(itemId)) {
                return item;
            }
        }
        return null;
    }

    private static Map<String, ProductDelta> withoutZeros(Map<String, ProductDelta> deltas) {
        deltas.values().removeIf(ProductDelta::isZero);
        return deltas;
    }

    /** The order after an event and what it moves per product on the order's paid day. */
    public record Change(ReconciledOrder order, Map<String, ProductDelta> deltaByProduct) {

        public Change {
            deltaByProduct = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deltaByProduct));
        }
    }
}
