package com.fenxiao.settlement.commission.domain;

import com.fenxiao.common.shard.Shards;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settlement's commission rows, sharded by promoter id. Writes happen inside the caller's transaction. */
public interface SettledCommissions {

    /** Creates an unknown row if there is none, then locks and returns the row. */
    SettledCommission lockOrCreate(long promoterId, long id, String orderId);

    Optional<SettledCommission> lock(long promoterId, long id);

    /** A commission a batch touches: its shard key, id and order. */
    record Ref(long promoterId, long id, String orderId) {}

    /**
     * The batch form, on one database in its transaction: locks the rows that exist ({@code FOR UPDATE},
     * one statement per physical table) and returns them by id; ids without a row are absent (in READ
     * COMMITTED no gap is locked, so a concurrent creation of the same row fails the later insert).
     */
    Map<Long, SettledCommission> lockAll(Shards.Shard shard, Collection<Ref> refs);

    /** Inserts new rows (one multi-row statement per table); a row that exists meanwhile fails the batch. */
    void insertAll(Shards.Shard shard, List<SettledCommission> rows);

    /** Writes rows this transaction holds locked (one multi-row statement per table). */
    void updateAll(Shards.Shard shard, List<SettledCommission> rows);

    void save(SettledCommission c);

    /** The promoter's AVAILABLE commissions, oldest release first, locked. */
    List<SettledCommission> lockAvailable(long promoterId);

    /** Looks a commission up by id alone (staff paths; visits every shard). */
    Optional<SettledCommission> find(long id);

    /** Held commissions not yet decided, by id after the cursor (staff paths; visits every shard). */
    List<SettledCommission> held(Long afterId, int limit);

    /**
     * Every commission whose order was paid in [from, to), table by table in id order, a page at a time
     * (the export's reader: nothing accumulates).
     */
    void forEachPaidBetween(
            java.time.Instant from, java.time.Instant to, java.util.function.Consumer<SettledCommission> each);

    /** Adds to what a promoter's paid withdrawals could not cover yet; returns the new total. */
    long addUncovered(long promoterId, long deltaFen);
}
