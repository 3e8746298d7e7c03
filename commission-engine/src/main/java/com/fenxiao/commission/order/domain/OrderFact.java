package com.fenxiao.commission.order.domain;

import java.time.Instant;
import java.util.List;

/** What the order system told us about an order, in the engine's own terms. */
public sealed interface OrderFact permits OrderFact.Paid, OrderFact.Completed, OrderFact.Refunded {

    String orderId();

    String eventId();

    record Paid(String eventId, String orderId, String orderNo, long buyerId, Instant paidAt, List<Item> items)
            implements OrderFact {
        public Paid {
            items = List.copyOf(items);
        }
    }

    record Item(String itemId, String productId, String categoryId, int quantity, long paidFen, long costFen) {}

    record Completed(String eventId, String orderId, Instant completedAt) implements OrderFact {}

    record Refunded(String eventId, String orderId, String refundId, Instant refundedAt, List<RefundLine> items)
            implements OrderFact {
        public Refunded {
            items = List.copyOf(items);
        }
    }

    record RefundLine(String itemId, long refundFen) {}
}
