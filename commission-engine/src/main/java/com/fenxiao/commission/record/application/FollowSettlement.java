package com.fenxiao.commission.record.application;

import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.Commissions;
import com.fenxiao.common.messaging.BatchEnvelopeListener.Delivery;
import com.fenxiao.common.shard.Shards;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;

/**
 * Keeps the engine's records in step with settlement-service's decisions (release, withdrawn, operator
 * cancellation, reversal of a late refund), so members see the state and a later refund of a released
 * commission is announced as a reversal by this engine. A batch is grouped by the promoters' database;
 * each group is one local transaction with its dedupe marks (one read, one insert), the records it
 * touches locked with one statement per table and the changed ones written in one batch per table.
 */
@Service
public class FollowSettlement {

    static final String CONSUMER = "engine-settlement";

    /** One decision of settlement about one commission: how it changes the engine's record. */
    public record Decision(long promoterId, long commissionId, BiFunction<Commission, Instant, Commission> change) {}

    private final Commissions commissions;
    private final Shards shards;
    private final Clock clock;

    public FollowSettlement(Commissions commissions, Shards shards, Clock clock) {
        this.commissions = commissions;
        this.shards = shards;
        this.clock = clock;
    }

    public void follow(
            String eventId, long promoterId, long commissionId, BiFunction<Commission, Instant, Commission> change) {
        followAll(List.of(new Delivery<>(eventId, new Decision(promoterId, commissionId, change))));
    }

    public void followAll(List<Delivery<Decision>> deliveries) {
        for (Map.Entry<Shards.Shard, List<Delivery<Decision>>> group :
                shards.byShard(deliveries, d -> d.fact().promoterId()).entrySet()) {
            shards.inTransaction(group.getKey(), shard -> {
                applyOnShard(shard, group.getValue());
                return null;
            });
        }
    }

    private void applyOnShard(Shards.Shard shard, List<Delivery<Decision>> deliveries) {
        Map<String, Long> keys = new LinkedHashMap<>();
        deliveries.forEach(d -> keys.putIfAbsent(d.eventId(), d.fact().promoterId()));
        Set<String> first = shard.inbox().markFirstDeliveries(CONSUMER, keys);
        List<Decision> todo = new ArrayList<>();
        Set<Commissions.Key> wanted = new LinkedHashSet<>();
        for (Delivery<Decision> d : deliveries) {
            if (first.remove(d.eventId())) {
                todo.add(d.fact());
                wanted.add(new Commissions.Key(d.fact().promoterId(), d.fact().commissionId()));
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        Map<Long, Commission> current = new LinkedHashMap<>();
        for (Commission c : commissions.lockAll(shard, wanted)) {
            current.put(c.id(), c);
        }
        Map<Long, Commission> stored = Map.copyOf(current);
        Instant now = clock.instant();
        for (Decision decision : todo) {
            Commission before = current.get(decision.commissionId());
            if (before != null) {
                current.put(before.id(), decision.change().apply(before, now));
            }
        }
        List<Commission> changed = new ArrayList<>();
        current.forEach((id, after) -> {
            if (!after.equals(stored.get(id))) {
                changed.add(after);
            }
        });
        commissions.updateAll(shard, changed);
    }
}
