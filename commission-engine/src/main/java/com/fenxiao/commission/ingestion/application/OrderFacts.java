package com.fenxiao.commission.ingestion.application;

import com.fenxiao.commission.order.domain.OrderFact;
import com.fenxiao.common.event.order.v1.OrderCompleted;
import com.fenxiao.common.event.order.v1.OrderEvent;
import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.event.order.v1.OrderRefunded;

/** The order system's contract (common-lib, order/v1) in the engine's own terms. */
public final class OrderFacts {

    private OrderFacts() {}

    public static OrderFact of(OrderEvent event) {
        if (event instanceof OrderPaid p) {
            return new OrderFact.Paid(
                    p.eventId(),
                    p.orderId(),
                    p.orderNo(),
                    p.buyerId(),
                    p.occurredAt(),
                    p.items().stream()
                            .map(i -> new OrderFact.Item(
                                    i.itemId(), i.productId(), i.categoryId(), i.quantity(), i.paidFen(), i.costFen()))
                            .toList());
        }
        if (event instanceof OrderCompleted c) {
            return new OrderFact.Completed(c.eventId(), c.orderId(), c.occurredAt());
        }
        OrderRefunded r = (OrderRefunded) event;
        return new OrderFact.Refunded(
                r.eventId(),
                r.orderId(),
                r.refundId(),
                r.occurredAt(),
                r.items().stream()
                        .map(i -> new OrderFact.RefundLine(i.itemId(), i.refundFen()))
                        .toList());
    }
}
