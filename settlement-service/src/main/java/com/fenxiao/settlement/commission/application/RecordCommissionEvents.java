package com.fenxiao.settlement.commission.application;

import com.fenxiao.common.event.commission.v1.CommissionOrigin;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.ProductShare;
import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.settlement.SettlementProperties;
import com.fenxiao.settlement.commission.domain.EngineFact;
import com.fenxiao.settlement.commission.domain.Lifecycle;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import com.fenxiao.settlement.commission.domain.SettledCommissions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one engine event to settlement's row of the commission, in one transaction with its dedupe
 * mark, the reconciliation totals it moves and any reversal it must announce (outbox).
 */
@Service
public class RecordCommissionEvents {

    static final String CONSUMER = "settlement-commissions";
    private static final Logger log = LoggerFactory.getLogger(RecordCommissionEvents.class);

    private final SettledCommissions commissions;
    private final CommissionTotals totals;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SettlementProperties properties;
    private final Counter lateIncreases;
    private final Counter reversals;

    public RecordCommissionEvents(
            SettledCommissions commissions,
            CommissionTotals totals,
            ProcessedEvents processed,
            Outbox outbox,
            PlatformTransactionManager transactions,
            Clock clock,
            SettlementProperties properties,
            MeterRegistry meters) {
        this.commissions = commissions;
        this.totals = totals;
        this.processed = processed;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
        this.lateIncreases = Counter.builder("settlement.late.increases")
                .description("engine raises of commissions already released (need an operator)")
                .register(meters);
        this.reversals = Counter.builder("settlement.reversals")
                .description("reversals settlement announced for refunds the engine applied as pending")
                .register(meters);
    }

    public void record(String eventId, EngineFact fact) {
        tx.executeWithoutResult(status -> {
            if (!processed.markFirstDelivery(CONSUMER, eventId, fact.promoterId())) {
                return;
            }
            Instant now = clock.instant();
            SettledCommission before = commissions.lockOrCreate(fact.promoterId(), fact.commissionId(), fact.orderId());
            Lifecycle.Outcome outcome = Lifecycle.apply(before, fact, properties.windows(), now);
            SettledCommission after = outcome.next();
            if (!outcome.changed(before)) {
                return;
            }
            commissions.save(after);
            totals.move(before, after);
            for (Lifecycle.Effect effect : outcome.effects()) {
                if (effect instanceof Lifecycle.Effect.Reverse r) {
                    reversals.increment();
                    outbox.appendAll(List.of(new Outbox.Pending(
                            after.promoterId(),
                            new CommissionReversed(
                                    after.id(),
                                    after.orderId(),
                                    r.reference(),
                                    after.promoterId(),
                                    r.amountFen(),
                                    now,
                                    r.remainingFen(),
                                    r.status().name(),
                                    shares(after.products()),
                                    after.sourceVersion(),
                                    CommissionOrigin.SETTLEMENT),
                            reversalEventId(after.id(), r.reference()))));
                } else if (effect instanceof Lifecycle.Effect.LateIncrease i) {
                    lateIncreases.increment();
                    log.warn(
                            "commission {} of promoter {} was raised by {} fen after release; nothing credited,"
                                    + " an operator must decide",
                            after.id(),
                            after.promoterId(),
                            i.amountFen());
                }
            }
        });
    }

    static List<ProductShare> shares(Map<String, Long> products) {
        List<ProductShare> out = new ArrayList<>();
        products.forEach((p, fen) -> out.add(new ProductShare(p, fen)));
        return out;
    }

    /** At most one reversal per commission and refund, ever: the outbox refuses a second event id. */
    static String reversalEventId(long commissionId, String reference) {
        String ref = reference == null ? "none" : reference;
        String id = "reversed-" + commissionId + "-" + ref;
        if (id.length() <= 64) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ref.getBytes(StandardCharsets.UTF_8));
            return "reversed-" + commissionId + "-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
