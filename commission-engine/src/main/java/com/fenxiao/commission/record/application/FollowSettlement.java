package com.fenxiao.commission.record.application;

import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.Commissions;
import com.fenxiao.common.inbox.ProcessedEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the engine's records in step with settlement-service's decisions (release, withdrawn, operator
 * cancellation, reversal of a late refund), so members see the state and a later refund of a released
 * commission is announced as a reversal by this engine.
 */
@Service
public class FollowSettlement {

    static final String CONSUMER = "engine-settlement";

    private final Commissions commissions;
    private final ProcessedEvents processed;
    private final TransactionTemplate tx;
    private final Clock clock;

    public FollowSettlement(
            Commissions commissions, ProcessedEvents processed, PlatformTransactionManager transactions, Clock clock) {
        this.commissions = commissions;
        this.processed = processed;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public void follow(
            String eventId, long promoterId, long commissionId, BiFunction<Commission, Instant, Commission> change) {
        tx.executeWithoutResult(status -> {
            if (!processed.markFirstDelivery(CONSUMER, eventId, promoterId)) {
                return;
            }
            commissions.byId(promoterId, commissionId).ifPresent(current -> {
                Commission next = change.apply(current, clock.instant());
                if (!next.equals(current)) {
                    commissions.updateAll(List.of(next));
                }
            });
        });
    }
}
