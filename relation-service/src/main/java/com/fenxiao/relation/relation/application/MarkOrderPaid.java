package com.fenxiao.relation.relation.application;

import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.relation.domain.Relations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Order paid → the buyer has a paid order and can no longer bind an inviter themselves. A batch is one
 * transaction: its dedupe marks (one read, one insert) and the buyers it records (one insert).
 */
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
        handleAll(List.of(paid));
    }

    public void handleAll(List<OrderPaid> paid) {
        if (paid.isEmpty()) {
            return;
        }
        tx.inTransaction(() -> {
            Map<String, Long> keys = new LinkedHashMap<>();
            paid.forEach(p -> keys.putIfAbsent(p.eventId(), p.buyerId()));
            Set<String> first = processed.markFirstDeliveries(CONSUMER, keys);
            List<Relations.PaidOrder> todo = new ArrayList<>();
            for (OrderPaid p : paid) {
                if (first.remove(p.eventId())) {
                    todo.add(new Relations.PaidOrder(p.buyerId(), p.orderId(), p.occurredAt()));
                }
            }
            if (!todo.isEmpty()) {
                relations.recordPaidAll(todo, clock.instant());
            }
            return null;
        });
    }
}
