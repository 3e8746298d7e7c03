package com.fenxiao.withdrawal.wallet.application;

import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.messaging.BatchEnvelopeListener.Delivery;
import com.fenxiao.common.shard.Shards;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.CommissionChange;
import com.fenxiao.withdrawal.wallet.domain.CommissionFollowing;
import com.fenxiao.withdrawal.wallet.domain.CommissionPending;
import com.fenxiao.withdrawal.wallet.domain.CommissionPendings;
import com.fenxiao.withdrawal.wallet.domain.Posting;
import com.fenxiao.withdrawal.wallet.domain.WalletRefused;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies commission announcements to the promoters' wallets, a batch at a time: the batch is grouped by
 * the promoters' database, and each group is one local transaction of that database that records the
 * event ids (one read, one insert), locks the wallet rows it moves (one statement per table, in promoter
 * order), reads the per-commission memory and the ledger sources it may post (one statement each), plans
 * every change in delivery order on the balances as locked, and writes the memory, the ledger entries and
 * the new balances (one statement per table each). A redelivery, or the same change under another event
 * id, changes nothing.
 */
@Service
public class FollowCommission {

    static final String CONSUMER = "wallet-commissions";
    private static final Logger log = LoggerFactory.getLogger(FollowCommission.class);

    public enum Outcome {
        APPLIED,
        DUPLICATE
    }

    private final Wallets wallets;
    private final CommissionPendings pendings;
    private final Shards shards;
    private final IdGenerator ids;

    public FollowCommission(Wallets wallets, CommissionPendings pendings, Shards shards, IdGenerator ids) {
        this.wallets = wallets;
        this.pendings = pendings;
        this.shards = shards;
        this.ids = ids;
    }

    public Outcome apply(String eventId, CommissionChange change) {
        return applyAll(List.of(new Delivery<>(eventId, change))).contains(eventId)
                ? Outcome.APPLIED
                : Outcome.DUPLICATE;
    }

    /** Applies every delivery, in order per promoter; returns the event ids applied for the first time. */
    public Set<String> applyAll(List<Delivery<CommissionChange>> deliveries) {
        Set<String> applied = new HashSet<>();
        for (Map.Entry<Shards.Shard, List<Delivery<CommissionChange>>> group :
                shards.byShard(deliveries, d -> d.fact().promoterId()).entrySet()) {
            Set<Long> promoters = new TreeSet<>();
            group.getValue().forEach(d -> promoters.add(d.fact().promoterId()));
            // created before the locking transaction: an INSERT on an existing row would take a shared
            // lock that the FOR UPDATE then has to upgrade, which deadlocks under concurrency
            wallets.ensureExistAll(group.getKey(), promoters);
            applied.addAll(shards.inTransaction(group.getKey(), shard -> applyOnShard(shard, group.getValue())));
        }
        return applied;
    }

    private Set<String> applyOnShard(Shards.Shard shard, List<Delivery<CommissionChange>> deliveries) {
        Map<String, Long> keys = new LinkedHashMap<>();
        deliveries.forEach(d -> keys.putIfAbsent(d.eventId(), d.fact().promoterId()));
        Set<String> first = shard.inbox().markFirstDeliveries(CONSUMER, keys);
        Set<String> applied = new HashSet<>(first);
        List<CommissionChange> todo = new ArrayList<>();
        for (Delivery<CommissionChange> d : deliveries) {
            if (first.remove(d.eventId())) {
                todo.add(d.fact());
            }
        }
        if (todo.isEmpty()) {
            return applied;
        }
        Set<Long> promoters = new TreeSet<>();
        Set<CommissionPendings.Ref> refs = new LinkedHashSet<>();
        Set<Wallets.Source> sources = new LinkedHashSet<>();
        for (CommissionChange c : todo) {
            promoters.add(c.promoterId());
            refs.add(new CommissionPendings.Ref(c.promoterId(), c.commissionId()));
            sources.add(new Wallets.Source(c.promoterId(), CommissionFollowing.sourceOf(c)));
        }
        Map<Long, Balances> balances = new LinkedHashMap<>(wallets.lockAll(shard, promoters));
        Map<Long, CommissionPending> memory = new LinkedHashMap<>(pendings.findAll(shard, refs));
        Set<Wallets.Source> posted = new HashSet<>(wallets.existingSources(shard, sources));
        Map<Long, CommissionPending> remembered = new LinkedHashMap<>();
        Map<Long, Balances> moved = new LinkedHashMap<>();
        List<Wallets.Entry> entries = new ArrayList<>();
        for (CommissionChange change : todo) {
            long promoter = change.promoterId();
            Balances locked = balances.get(promoter);
            if (locked == null) {
                throw new IllegalStateException("wallet " + promoter + " missing after it was ensured");
            }
            CommissionFollowing.Plan plan;
            try {
                plan = CommissionFollowing.plan(Optional.ofNullable(memory.get(change.commissionId())), change, locked);
            } catch (WalletRefused e) {
                // the wallet and its per-commission memory disagree: a bug, never silently absorbed
                throw new IllegalStateException(
                        "wallet " + promoter + " cannot apply " + change + ": " + e.getMessage());
            }
            plan.next().ifPresent(next -> {
                memory.put(next.commissionId(), next);
                remembered.put(next.commissionId(), next);
            });
            if (plan.posting().isPresent()) {
                Posting p = plan.posting().get();
                if (!posted.add(new Wallets.Source(promoter, p.sourceKey()))) {
                    log.info("ledger source {} of promoter {} already posted", p.sourceKey(), promoter);
                } else {
                    entries.add(new Wallets.Entry(ids.nextId(), promoter, p));
                    Balances after = locked.apply(p.delta());
                    balances.put(promoter, after);
                    moved.put(promoter, after);
                }
            }
        }
        pendings.saveAll(shard, remembered.values());
        wallets.appendAll(shard, entries);
        wallets.storeAll(shard, moved);
        return applied;
    }
}
