package com.fenxiao.settlement.reconciliation.application;

import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.event.order.v1.OrderRefunded;
import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.common.persistence.DatabaseProperties;
import com.fenxiao.common.persistence.ShardRouting;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.settlement.reconciliation.domain.OrderRefund;
import com.fenxiao.settlement.reconciliation.domain.PaidItem;
import com.fenxiao.settlement.reconciliation.domain.ProductDelta;
import com.fenxiao.settlement.reconciliation.domain.ReconciledOrder;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationTotals;
import com.fenxiao.settlement.reconciliation.domain.SettlementOrders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order side of reconciliation (SPEC §8): each paid or refunded order event moves the order's row and
 * the paid, refunded and cost totals of its paid day, in one transaction with its dedupe mark. All
 * three rows route by the order id's slot, so they sit in one database and commit together.
 */
@Service
public class ReconcileOrderEvents {

    static final String CONSUMER = "settlement-orders";

    private final SettlementOrders orders;
    private final ReconciliationTotals totals;
    private final ProcessedEvents processed;
    private final TransactionTemplate tx;
    private final int databases;
    private final int tables;

    public ReconcileOrderEvents(
            SettlementOrders orders,
            ReconciliationTotals totals,
            ProcessedEvents processed,
            PlatformTransactionManager transactions,
            DatabaseProperties database) {
        this.orders = orders;
        this.totals = totals;
        this.processed = processed;
        this.tx = new TransactionTemplate(transactions);
        this.databases = database.databaseCount();
        this.tables = database.getTablesPerDatabase();
    }

    public void paid(OrderPaid event) {
        List<PaidItem> items = new ArrayList<>(event.items().size());
        for (OrderPaid.Item i : event.items()) {
            items.add(new PaidItem(i.itemId(), i.productId(), i.paidFen(), i.costFen()));
        }
        apply(event.eventId(), event.orderId(), order -> order.pay(BusinessTime.dateOf(event.occurredAt()), items));
    }

    public void refunded(OrderRefunded event) {
        List<OrderRefund.Line> lines = new ArrayList<>(event.items().size());
        for (OrderRefunded.Item i : event.items()) {
            lines.add(new OrderRefund.Line(i.itemId(), i.refundFen()));
        }
        apply(event.eventId(), event.orderId(), order -> order.refund(new OrderRefund(event.refundId(), lines)));
    }

    private void apply(String eventId, String orderId, Function<ReconciledOrder, ReconciledOrder.Change> step) {
        long shardKey = ShardRouting.slot(orderId, databases, tables);
        tx.executeWithoutResult(status -> {
            if (!processed.markFirstDelivery(CONSUMER, eventId, shardKey)) {
                return;
            }
            ReconciledOrder before = orders.lockOrCreate(orderId);
            ReconciledOrder.Change change = step.apply(before);
            if (change.order().equals(before)) {
                return;
            }
            orders.save(change.order());
            for (Map.Entry<String, ProductDelta> e : change.deltaByProduct().entrySet()) {
                ProductDelta d = e.getValue();
                totals.addOrder(
                        shardKey, change.order().paidDay(), e.getKey(), d.paidFen(), d.refundedFen(), d.costFen());
            }
        });
    }
}
