package com.fenxiao.settlement.commission.application;

import com.fenxiao.common.event.commission.v1.CommissionOrigin;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.ProductShare;
import com.fenxiao.common.messaging.BatchEnvelopeListener.Delivery;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.common.shard.Shards;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies the engine's events to settlement's rows of the commissions, a batch at a time: the batch is
 * grouped by the promoter's database, and each group is one local transaction of that database with
 * its dedupe marks (one read and one insert), the rows it touches (locked with one statement per
 * table, written with one), the reconciliation totals they move (summed by row, one statement) and
 * any reversal it must announce (outbox). Several events of one commission in a batch apply in order.
 */
@Service
public class RecordCommissionEvents {

    static final String CONSUMER = "settlement-commissions";
    private static final Logger log = LoggerFactory.getLogger(RecordCommissionEvents.class);

    private final SettledCommissions commissions;
    private final CommissionTotals totals;
    private final Shards shards;
    private final Clock clock;
    private final SettlementProperties properties;
    private final Counter lateIncreases;
    private final Counter reversals;

    public RecordCommissionEvents(
            SettledCommissions commissions,
            CommissionTotals totals,
            Shards shards,
            Clock clock,
            SettlementProperties properties,
            MeterRegistry meters) {
        this.commissions = commissions;
        this.totals = totals;
        this.shards = shards;
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
        recordAll(List.of(new Delivery<>(eventId, fact)));
    }

    public void recordAll(List<Delivery<EngineFact>> deliveries) {
        for (Map.Entry<Shards.Shard, List<Delivery<EngineFact>>> group :
                shards.byShard(deliveries, d -> d.fact().promoterId()).entrySet()) {
            shards.inTransaction(group.getKey(), shard -> {
                applyOnShard(shard, group.getValue());
                return null;
            });
        }
    }

    private void applyOnShard(Shards.Shard shard, List<Delivery<EngineFact>> deliveries) {
        Map<String, Long> keys = new LinkedHashMap<>();
        for (Delivery<EngineFact> d : deliveries) {
            keys.putIfAbsent(d.eventId(), d.fact().promoterId());
        }
        Set<String> first = shard.inbox().markFirstDeliveries(CONSUMER, keys);
        List<Delivery<EngineFact>> todo = new ArrayList<>();
        Map<Long, SettledCommissions.Ref> refs = new LinkedHashMap<>();
        for (Delivery<EngineFact> d : deliveries) {
            if (first.remove(d.eventId())) {
                todo.add(d);
                EngineFact f = d.fact();
                refs.putIfAbsent(
                        f.commissionId(), new SettledCommissions.Ref(f.promoterId(), f.commissionId(), f.orderId()));
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<Long, SettledCommission> stored = commissions.lockAll(shard, refs.values());
        Map<Long, SettledCommission> current = new LinkedHashMap<>(stored);
        List<Outbox.Pending> events = new ArrayList<>();
        for (Delivery<EngineFact> d : todo) {
            EngineFact fact = d.fact();
            SettledCommission before = current.computeIfAbsent(
                    fact.commissionId(), id -> SettledCommission.unknown(id, fact.promoterId(), fact.orderId(), now));
            Lifecycle.Outcome outcome = Lifecycle.apply(before, fact, properties.windows(), now);
            if (!outcome.changed(before)) {
                continue;
            }
            SettledCommission after = outcome.next();
            current.put(after.id(), after);
            for (Lifecycle.Effect effect : outcome.effects()) {
                if (effect instanceof Lifecycle.Effect.Reverse r) {
                    reversals.increment();
                    events.add(new Outbox.Pending(
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
                            reversalEventId(after.id(), r.reference())));
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
        }
        List<SettledCommission> inserts = new ArrayList<>();
        List<SettledCommission> updates = new ArrayList<>();
        CommissionTotals.Moves moves = totals.moves();
        for (SettledCommission after : current.values()) {
            SettledCommission was = stored.get(after.id());
            if (was == null) {
                SettledCommissions.Ref ref = refs.get(after.id());
                SettledCommission unknown = SettledCommission.unknown(after.id(), ref.promoterId(), ref.orderId(), now);
                if (!after.equals(unknown)) {
                    inserts.add(after);
                    moves.add(unknown, after);
                }
            } else if (!after.equals(was)) {
                updates.add(after);
                moves.add(was, after);
            }
        }
        commissions.insertAll(shard, inserts);
        commissions.updateAll(shard, updates);
        moves.flush(shard);
        if (!events.isEmpty()) {
            shard.outbox().appendAll(events);
        }
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
