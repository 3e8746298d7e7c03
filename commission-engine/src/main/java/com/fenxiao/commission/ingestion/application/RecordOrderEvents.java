package com.fenxiao.commission.ingestion.application;

import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.chain.domain.ChainAtPayment;
import com.fenxiao.commission.chain.domain.Chains;
import com.fenxiao.commission.member.domain.MemberStanding;
import com.fenxiao.commission.member.domain.MemberStandings;
import com.fenxiao.commission.order.domain.Cause;
import com.fenxiao.commission.order.domain.CommissionProjection;
import com.fenxiao.commission.order.domain.LevelPlan;
import com.fenxiao.commission.order.domain.OrderFact;
import com.fenxiao.commission.order.domain.OrderProcessing;
import com.fenxiao.commission.order.domain.OrderSnapshot;
import com.fenxiao.commission.order.domain.OrderSnapshots;
import com.fenxiao.commission.order.domain.OrderState;
import com.fenxiao.commission.order.domain.PaymentContext;
import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.Commissions;
import com.fenxiao.commission.record.domain.ItemShare;
import com.fenxiao.commission.rule.application.CurrentRules;
import com.fenxiao.commission.rule.domain.ItemRates;
import com.fenxiao.commission.rule.domain.RuleBook;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.commission.v1.CommissionAdjusted;
import com.fenxiao.common.event.commission.v1.CommissionCancelled;
import com.fenxiao.common.event.commission.v1.CommissionCompleted;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.commission.v1.CommissionOrigin;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.ProductShare;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.common.persistence.DatabaseProperties;
import com.fenxiao.common.persistence.ShardRouting;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order events in, commissions out, for a whole batch at once (no round trip per row):
 * <ol>
 *   <li>batched look-ups: rule book version, buyer chains, level-1 chains (the level check), standings;
 *   <li>per order database, one transaction: lock the batch's snapshots, apply the facts (duplicates
 *       drop out by natural key), insert / update the snapshots in two batches;
 *   <li>per promoter database, one transaction: lock the batch's records, project every change onto
 *       them fact by fact, insert / update the records and append their events to the outbox in batches.
 * </ol>
 * Each transaction touches one physical database. A failure between the steps is finished by the
 * redelivery: its facts are duplicates by then, and the stored snapshot is projected again, which
 * changes only what the first attempt did not write.
 */
@Service
public class RecordOrderEvents {

    private final OrderSnapshots snapshots;
    private final Commissions commissions;
    private final Chains chains;
    private final MemberStandings standings;
    private final CurrentRules rules;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final OrderLocks locks;
    private final TransactionTemplate tx;
    private final int databases;
    private final int tables;
    private final Timer lookups;
    private final Timer orderShards;
    private final Timer promoterShards;
    private final DistributionSummary batchSizes;

    public RecordOrderEvents(
            OrderSnapshots snapshots,
            Commissions commissions,
            Chains chains,
            MemberStandings standings,
            CurrentRules rules,
            Outbox outbox,
            IdGenerator ids,
            Clock clock,
            OrderLocks locks,
            PlatformTransactionManager transactions,
            DatabaseProperties database,
            MeterRegistry meters) {
        this.snapshots = snapshots;
        this.commissions = commissions;
        this.chains = chains;
        this.standings = standings;
        this.rules = rules;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
        this.locks = locks;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.databases = database.databaseCount();
        this.tables = database.getTablesPerDatabase();
        this.lookups = Timer.builder("order_events.step").tag("step", "lookups").register(meters);
        this.orderShards =
                Timer.builder("order_events.step").tag("step", "snapshots").register(meters);
        this.promoterShards =
                Timer.builder("order_events.step").tag("step", "records").register(meters);
        this.batchSizes = DistributionSummary.builder("order_events.batch_size").register(meters);
    }

    /** What a batch did: facts that changed an order, and commission events appended. */
    public record Result(int applied, int events) {}

    public Result record(List<OrderFact> facts) {
        if (facts.isEmpty()) {
            return new Result(0, 0);
        }
        Map<String, List<OrderFact>> byOrder = new TreeMap<>();
        for (OrderFact fact : facts) {
            byOrder.computeIfAbsent(fact.orderId(), k -> new ArrayList<>()).add(fact);
        }
        batchSizes.record(facts.size());
        PaymentContext context = lookups.record(() -> contextFor(facts));
        try (OrderLocks.Held held = locks.lockAll(byOrder.keySet())) {
            Map<String, OrderProcessing.Applied> applied = new LinkedHashMap<>();
            orderShards.record(() -> {
                for (List<String> orderIds : groupBy(byOrder.keySet(), id -> id).values()) {
                    tx.executeWithoutResult(status -> applied.putAll(applyFacts(orderIds, byOrder, context)));
                }
            });
            int events = promoterShards.record(() -> project(applied));
            int changes =
                    applied.values().stream().mapToInt(a -> a.changes().size()).sum();
            return new Result(changes, events);
        }
    }

    private Map<String, OrderProcessing.Applied> applyFacts(
            List<String> orderIds, Map<String, List<OrderFact>> byOrder, PaymentContext context) {
        Map<String, OrderSnapshot> stored = snapshots.lockAll(orderIds);
        Map<String, OrderProcessing.Applied> out = new LinkedHashMap<>();
        List<OrderSnapshot> inserts = new ArrayList<>();
        List<OrderSnapshot> updates = new ArrayList<>();
        for (String orderId : orderIds) {
            OrderSnapshot start = stored.get(orderId);
            OrderProcessing.Applied applied = OrderProcessing.applyAll(
                    start == null ? OrderSnapshot.awaiting(orderId) : start, byOrder.get(orderId), context);
            out.put(orderId, applied);
            if (start == null) {
                inserts.add(applied.last());
            } else if (!applied.changes().isEmpty()) {
                updates.add(applied.last());
            }
        }
        snapshots.insertAll(inserts);
        snapshots.updateAll(updates);
        return out;
    }

    /** One level's record to bring in line; {@code fresh} when its payment was applied in this batch. */
    private record LevelKey(String orderId, int level, long promoterId, long commissionId, boolean fresh) {}

    private int project(Map<String, OrderProcessing.Applied> applied) {
        List<LevelKey> keys = new ArrayList<>();
        for (OrderProcessing.Applied a : applied.values()) {
            OrderSnapshot last = a.last();
            if (last.state() != OrderState.PAID) {
                continue;
            }
            boolean paidNow = a.changes().stream().anyMatch(c -> c.cause().kind() == Cause.Kind.PAID);
            for (LevelPlan plan : last.levels()) {
                if (plan.commissioned()) {
                    keys.add(new LevelKey(
                            last.orderId(), plan.level(), plan.promoterId(), plan.commissionId(), paidNow));
                }
            }
        }
        Map<Long, String> nicknames = buyerNicknames(keys, applied);
        int events = 0;
        for (List<LevelKey> group : groupBy(keys, LevelKey::promoterId).values()) {
            Integer appended = tx.execute(status -> projectOnShard(group, applied, nicknames));
            events += appended == null ? 0 : appended;
        }
        return events;
    }

    /**
     * The masked nicknames (as relation-service announced them with the binding) of the buyers whose
     * records this batch creates: one batched read of the chain read model, which the payment's chain
     * look-up has just filled. The shop's order event does not name the buyer.
     */
    private Map<Long, String> buyerNicknames(List<LevelKey> keys, Map<String, OrderProcessing.Applied> applied) {
        Set<Long> buyers = new LinkedHashSet<>();
        for (LevelKey k : keys) {
            Long buyer = applied.get(k.orderId()).last().buyerId();
            if (k.fresh() && buyer != null) {
                buyers.add(buyer);
            }
        }
        if (buyers.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> out = new HashMap<>();
        chains.ofAll(buyers).forEach((buyer, chain) -> {
            if (chain.maskedNickname() != null) {
                out.put(buyer, chain.maskedNickname());
            }
        });
        return out;
    }

    private int projectOnShard(
            List<LevelKey> keys, Map<String, OrderProcessing.Applied> applied, Map<Long, String> nicknames) {
        Instant now = clock.instant();
        Set<Commissions.Key> recordKeys = new LinkedHashSet<>();
        Map<String, Set<Integer>> levelsHere = new LinkedHashMap<>();
        for (LevelKey k : keys) {
            if (!k.fresh()) {
                // a record whose id was decided in this batch cannot exist yet (another instance racing
                // us would make the insert fail on its primary key, and the retry takes this path)
                recordKeys.add(new Commissions.Key(k.promoterId(), k.commissionId()));
            }
            levelsHere.computeIfAbsent(k.orderId(), o -> new HashSet<>()).add(k.level());
        }
        Map<String, Map<Integer, Commission>> current = new HashMap<>();
        for (Commission c : commissions.lockAll(recordKeys)) {
            current.computeIfAbsent(c.orderId(), o -> new HashMap<>()).put(c.level(), c);
        }
        List<Commission> inserts = new ArrayList<>();
        List<Commission> updates = new ArrayList<>();
        List<Outbox.Pending> events = new ArrayList<>();
        for (Map.Entry<String, Set<Integer>> entry : levelsHere.entrySet()) {
            String orderId = entry.getKey();
            Set<Integer> levels = entry.getValue();
            Map<Integer, Commission> before = current.getOrDefault(orderId, Map.of());
            OrderProcessing.Applied a = applied.get(orderId);
            OrderProcessing.Projected projected =
                    OrderProcessing.project(before, a.last(), a.changes(), now, levels::contains);
            for (int level : levels) {
                Commission was = before.get(level);
                Commission is = projected.records().get(level);
                if (is == null || is.equals(was)) {
                    continue;
                }
                if (was == null) {
                    inserts.add(is.withBuyerNickname(nicknames.get(is.buyerId())));
                } else {
                    updates.add(is);
                }
            }
            for (CommissionProjection.Step step : projected.steps()) {
                if (step.kind() != CommissionProjection.ChangeKind.QUIET) {
                    events.add(new Outbox.Pending(step.next().promoterId(), eventOf(step, now)));
                }
            }
            for (int level : levels) {
                Commission was = before.get(level);
                Commission is = projected.records().get(level);
                if (was != null && was.completedAt() == null && is != null && is.completedAt() != null) {
                    events.add(new Outbox.Pending(is.promoterId(), completionOf(is)));
                }
            }
        }
        commissions.insertAll(inserts);
        commissions.updateAll(updates);
        if (!events.isEmpty()) {
            outbox.appendAll(events);
        }
        return events.size();
    }

    static PlatformEvent eventOf(CommissionProjection.Step step, Instant now) {
        Commission c = step.next();
        Cause cause = step.cause();
        return switch (step.kind()) {
            case CREATED ->
                new CommissionCreated(
                        c.id(),
                        c.orderId(),
                        c.orderNo(),
                        c.promoterId(),
                        c.buyerId(),
                        c.level(),
                        c.amountFen(),
                        c.status().name(),
                        c.createdAt(),
                        c.held(),
                        c.holdReason(),
                        c.paidAt(),
                        c.completedAt(),
                        productsOf(c),
                        c.version());
            case ADJUSTED ->
                new CommissionAdjusted(
                        c.id(),
                        c.orderId(),
                        c.promoterId(),
                        step.amountFen(),
                        c.amountFen(),
                        cause.reason(),
                        now,
                        cause.refundId(),
                        null,
                        productsOf(c),
                        c.version());
            case CANCELLED ->
                new CommissionCancelled(
                        c.id(),
                        c.orderId(),
                        c.promoterId(),
                        step.amountFen(),
                        cause.reason(),
                        now,
                        cause.refundId(),
                        c.version(),
                        CommissionOrigin.ENGINE);
            case REVERSED ->
                new CommissionReversed(
                        c.id(),
                        c.orderId(),
                        cause.refundId(),
                        c.promoterId(),
                        step.amountFen(),
                        now,
                        c.amountFen(),
                        c.status().name(),
                        productsOf(c),
                        c.version(),
                        CommissionOrigin.ENGINE);
            case QUIET -> throw new IllegalArgumentException("a quiet change announces nothing");
        };
    }

    public static List<ProductShare> productsOf(Commission c) {
        List<ProductShare> out = new ArrayList<>();
        c.productShares().forEach((product, fen) -> out.add(new ProductShare(product, fen)));
        return out;
    }

    /** The order of an existing pending record was completed: settlement starts its after-sales window. */
    static CommissionCompleted completionOf(Commission c) {
        List<String> products = new ArrayList<>(new LinkedHashSet<>(
                c.breakdown().stream().map(ItemShare::productId).toList()));
        return new CommissionCompleted(c.id(), c.orderId(), c.promoterId(), c.completedAt(), products, c.version());
    }

    private <T> Map<Integer, List<T>> groupBy(Iterable<T> items, java.util.function.Function<T, Object> shardKey) {
        Map<Integer, List<T>> out = new TreeMap<>();
        for (T item : items) {
            out.computeIfAbsent(ShardRouting.database(shardKey.apply(item), databases, tables), d -> new ArrayList<>())
                    .add(item);
        }
        return out;
    }

    /** One round of batched look-ups for every payment in the batch. */
    private PaymentContext contextFor(List<OrderFact> facts) {
        RuleBook book = rules.book();
        Set<Long> buyers = new LinkedHashSet<>();
        for (OrderFact fact : facts) {
            if (fact instanceof OrderFact.Paid paid) {
                buyers.add(paid.buyerId());
            }
        }
        if (buyers.isEmpty()) {
            return new BatchContext(book, Map.of(), Map.of(), Map.of(), ids);
        }
        Map<Long, Chain> buyerChains = chains.ofAll(buyers);
        Set<Long> level1 = new LinkedHashSet<>();
        Set<Long> members = new LinkedHashSet<>(buyers);
        for (Chain c : buyerChains.values()) {
            if (c.inviterId() != null) {
                level1.add(c.inviterId());
                members.add(c.inviterId());
            }
            if (c.inviterL2Id() != null) {
                members.add(c.inviterL2Id());
            }
        }
        Map<Long, Chain> level1Chains = level1.isEmpty() ? Map.of() : chains.ofAll(level1);
        for (Chain c : level1Chains.values()) {
            if (c.inviterId() != null) {
                members.add(c.inviterId());
            }
        }
        return new BatchContext(book, buyerChains, level1Chains, standings.of(members), ids);
    }

    private record BatchContext(
            RuleBook book,
            Map<Long, Chain> buyerChains,
            Map<Long, Chain> level1Chains,
            Map<Long, MemberStanding> standings,
            IdGenerator ids)
            implements PaymentContext {

        @Override
        public ItemRates ratesFor(String productId, String categoryId, Instant paidAt) {
            return book.ratesFor(productId, categoryId, paidAt);
        }

        @Override
        public boolean level2Enabled(Instant paidAt) {
            return book.level2Enabled(paidAt);
        }

        @Override
        public long ruleVersion() {
            return book.version();
        }

        @Override
        public ChainAtPayment.Resolved chainOf(long buyerId, Instant paidAt) {
            Chain buyer = buyerChains.get(buyerId);
            Chain level1 = buyer == null || buyer.inviterId() == null ? null : level1Chains.get(buyer.inviterId());
            return ChainAtPayment.resolve(buyer, level1, paidAt);
        }

        @Override
        public MemberStanding standingOf(long userId) {
            return standings.getOrDefault(userId, MemberStanding.clear(userId));
        }

        @Override
        public long nextCommissionId() {
            return ids.nextId();
        }
    }
}
