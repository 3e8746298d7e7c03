package com.fenxiao.settlement.commission.application;

import com.fenxiao.common.event.commission.v1.CommissionWithdrawn;
import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.settlement.commission.domain.Lifecycle;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import com.fenxiao.settlement.commission.domain.SettledCommissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A paid withdrawal covers the promoter's AVAILABLE commissions oldest release first; each one covered
 * in full becomes WITHDRAWN and is announced once. What the withdrawal could not cover is kept per
 * promoter and shown by the invariant check.
 */
@Service
public class MarkWithdrawn {

    static final String CONSUMER = "settlement-withdrawals";
    private static final Logger log = LoggerFactory.getLogger(MarkWithdrawn.class);

    private final SettledCommissions commissions;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    public MarkWithdrawn(
            SettledCommissions commissions,
            ProcessedEvents processed,
            Outbox outbox,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.commissions = commissions;
        this.processed = processed;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public void apply(long promoterId, long withdrawalId, long amountFen) {
        tx.executeWithoutResult(status -> {
            if (!processed.markFirstDelivery(CONSUMER, "paid-" + withdrawalId, promoterId)) {
                return;
            }
            Instant now = clock.instant();
            Lifecycle.Coverage coverage = Lifecycle.cover(commissions.lockAvailable(promoterId), amountFen, now);
            coverage.changed().forEach(commissions::save);
            List<Outbox.Pending> events = new ArrayList<>();
            for (SettledCommission c : coverage.fullyWithdrawn()) {
                events.add(new Outbox.Pending(
                        promoterId,
                        new CommissionWithdrawn(c.id(), c.orderId(), promoterId, c.amountFen(), withdrawalId, now),
                        "withdrawn-" + c.id()));
            }
            if (!events.isEmpty()) {
                outbox.appendAll(events);
            }
            if (coverage.uncoveredFen() > 0) {
                long total = commissions.addUncovered(promoterId, coverage.uncoveredFen());
                log.warn(
                        "withdrawal {} of promoter {} left {} fen uncovered by available commissions (total {})",
                        withdrawalId,
                        promoterId,
                        coverage.uncoveredFen(),
                        total);
            }
        });
    }
}
