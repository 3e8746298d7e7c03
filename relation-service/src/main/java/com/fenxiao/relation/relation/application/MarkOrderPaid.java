package com.fenxiao.relation.relation.application;

import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.relation.domain.Relations;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Order paid → the buyer has a paid order and can no longer bind an inviter themselves. */
@Service
public class MarkOrderPaid {

    static final String CONSUMER = "relation-order-paid";

    private final Relations relations;
    private final ProcessedEvents processed;
    private final Transactions tx;
    private final Clock clock;

    public MarkOrderPaid(Relations relations, ProcessedEvents processed, Transactions tx, Clock clock) {
        this.relations = relations;
        this.processed = processed;
        this.tx = tx;
        this.clock = clock;
    }

    public void handle(OrderPaid paid) {
        tx.inTransaction(() -> {
            if (processed.markFirstDelivery(CONSUMER, paid.eventId(), paid.buyerId())) {
                relations.recordPaidOrder(paid.buyerId(), paid.orderId(), paid.occurredAt(), clock.instant());
            }
            return null;
        });
    }
}
