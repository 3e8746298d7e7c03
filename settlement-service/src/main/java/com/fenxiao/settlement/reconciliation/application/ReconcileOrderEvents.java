package com.fenxiao.settlement.reconciliation.application;

import com.fenxiao.common.event.order.v1.OrderEvent;
import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.event.order.v1.OrderRefunded;
import com.fenxiao.common.persistence.DatabaseProperties;
import com.fenxiao.common.persistence.ShardRouting;
import com.fenxiao.common.shard.Shards;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.settlement.reconciliation.domain.OrderRefund;
import com.fenxiao.settlement.reconciliation.domain.PaidItem;
import com.fenxiao.settlement.reconciliation.domain.ProductDelta;
import com.fenxiao.settlement.reconciliation.domain.ReconciledOrder;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationTotals;
import com.fenxiao.settlement.reconciliation.domain.SettlementOrders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Order side of reconciliation (SPEC §8): each paid or refunded order event moves the order's row and
 * the paid, refunded and cost totals of its paid day, in one transaction with its dedupe mark. All
 * three rows route by the order id's slot, so they sit in one database and commit together. A batch
 * is grouped by database: one transaction each, its rows locked and written a table at a time and its
 * totals summed by row into one statement.
 */
@Service
public class ReconcileOrderEvents {

    static final String CONSUMER = "settlement-orders";

    private final SettlementOrders orders;
    private final ReconciliationTotals totals;
    private final Shards shards;
    private final int databases;
    private final int tables;

    public ReconcileOrderEvents(
            SettlementOrders orders, ReconciliationTotals totals, Shards shards, DatabaseProperties database) {
        this.orders = orders;
        this.totals = totals;
        this.shards = shards;
        this.databases = database.databaseCount();
        this.tables = database.getTablesPerDatabase();
    }

    public void paid(OrderPaid event) {
        applyAll(List.of(event));
    }

    public void refunded(OrderRefunded event) {
        applyAll(List.of(event));
    }

    /** Paid and refunded events (others are ignored), in order per order. */
    public void applyAll(List<? extends OrderEvent> events) {
        List<OrderEvent> relevant = new ArrayList<>();
        for (OrderEvent e : events) {
            if (e instanceof OrderPaid || e instanceof OrderRefunded) {
                relevant.add(e);
            }
        }
        for (Map.Entry<Shards.Shard, List<OrderEvent>> group :
                shards.byShard(relevant, OrderEvent::orderId).entrySet()) {
            shards.inTransaction(group.getKey(), shard -> {
                applyOnShard(shard, group.getValue());
                return null;
            });
        }
    }

    private void applyOnShard(Shards.Shard shard, List<OrderEvent> events) {
        Map<String, Long> keys = new LinkedHashMap<>();
        for (OrderEvent e : events) {
            keys.putIfAbsent(e.eventId(), (long) ShardRouting.slot(e.orderId(), databases, tables));
        }
        Set<String> first = shard.inbox().markFirstDeliveries(CONSUMER, keys);
        List<OrderEvent> todo = new ArrayList<>();
        Set<String> orderIds = new LinkedHashSet<>();
        for (OrderEvent e : events) {
            if (first.remove(e.eventId())) {
                todo.add(e);
                orderIds.add(e.orderId());
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        Map<String, ReconciledOrder> stored = orders.lockAll(shard, orderIds);
        Map<String, ReconciledOrder> current = new LinkedHashMap<>(stored);
        Map<ReconciliationTotals.DayProduct, ProductDelta> sums = new LinkedHashMap<>();
        for (OrderEvent e : todo) {
            ReconciledOrder before = current.computeIfAbsent(e.orderId(), ReconciledOrder::unheardOf);
            ReconciledOrder.Change change = step(e, before);
            if (change.order().equals(before)) {
                continue;
            }
            current.put(e.orderId(), change.order());
            long slot = ShardRouting.slot(e.orderId(), databases, tables);
            change.deltaByProduct()
                    .forEach((product, d) -> sums.merge(
                            new ReconciliationTotals.DayProduct(
                                    slot, change.order().paidDay(), product),
                            d,
                            ProductDelta::plus));
        }
        List<ReconciledOrder> created = new ArrayList<>();
        List<ReconciledOrder> updated = new ArrayList<>();
        for (ReconciledOrder o : current.values()) {
            ReconciledOrder was = stored.get(o.orderId());
            if (was == null) {
                if (!o.equals(ReconciledOrder.unheardOf(o.orderId()))) {
                    created.add(o);
                }
            } else if (!o.equals(was)) {
                updated.add(o);
            }
        }
        orders.writeAll(shard, created, updated);
        totals.addOrders(shard, sums);
    }

    private static ReconciledOrder.Change step(OrderEvent event, ReconciledOrder order) {
        if (event instanceof OrderPaid paid) {
            List<PaidItem> items = new ArrayList<>(paid.items().size());
            for (OrderPaid.Item i : paid.items()) {
                items.add(new PaidItem(i.itemId(), i.productId(), i.paidFen(), i.costFen()));
            }
            return order.pay(BusinessTime.dateOf(paid.occurredAt()), items);
        }
        OrderRefunded refunded = (OrderRefunded) event;
        List<OrderRefund.Line> lines = new ArrayList<>(refunded.items().size());
        for (OrderRefunded.Item i : refunded.items()) {
            lines.add(new OrderRefund.Line(i.itemId(), i.refundFen()));
        }
        return order.refund(new OrderRefund(refunded.refundId(), lines));
    }
}
