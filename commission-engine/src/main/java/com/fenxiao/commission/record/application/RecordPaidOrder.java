package com.fenxiao.commission.record.application;

import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.chain.domain.Chains;
import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.CommissionCalculator;
import com.fenxiao.commission.record.domain.Commissions;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.common.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order paid → one commission per level that has a promoter. Each level is written in its own local
 * transaction on the promoter's shard, together with its dedupe row and its outbox event, so a
 * redelivery (or a crash between levels followed by one) adds nothing twice.
 */
@Service
public class RecordPaidOrder {

    private final Chains chains;
    private final Commissions commissions;
    private final CommissionCalculator calculator;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate tx;

    public RecordPaidOrder(
            Chains chains,
            Commissions commissions,
            CommissionCalculator calculator,
            ProcessedEvents processed,
            Outbox outbox,
            IdGenerator ids,
            Clock clock,
            TransactionTemplate tx) {
        this.chains = chains;
        this.commissions = commissions;
        this.calculator = calculator;
        this.processed = processed;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
        this.tx = tx;
    }

    public void handle(OrderPaid paid) {
        Chain chain = chains.of(paid.buyerId()).orElse(Chain.unbound(paid.buyerId(), paid.occurredAt()));
        List<CommissionCalculator.Item> items = paid.items().stream()
                .map(i -> new CommissionCalculator.Item(i.itemId(), i.productId(), i.paidFen()))
                .toList();
        for (int level = 1; level <= 2; level++) {
            Long promoter = chain.promoterAt(level);
            if (promoter == null || promoter == paid.buyerId()) {
                continue; // no promoter at this level, or a self-purchase
            }
            Commission commission = calculator.compute(
                    ids.nextId(),
                    paid.orderId(),
                    paid.orderNo(),
                    promoter,
                    paid.buyerId(),
                    level,
                    items,
                    paid.occurredAt(),
                    clock.instant());
            if (commission.amountFen() == 0) {
                continue;
            }
            String consumer = "order-paid-l" + level;
            tx.executeWithoutResult(status -> {
                if (processed.markFirstDelivery(consumer, paid.eventId(), promoter)
                        && commissions.addIfAbsent(commission)) {
                    outbox.append(
                            promoter,
                            new CommissionCreated(
                                    commission.id(),
                                    commission.orderId(),
                                    commission.orderNo(),
                                    promoter,
                                    commission.buyerId(),
                                    commission.level(),
                                    commission.amountFen(),
                                    commission.status().name(),
                                    commission.createdAt()));
                }
            });
        }
    }
}
