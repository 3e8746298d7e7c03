package com.fenxiao.settlement.commission.domain;

import java.util.List;
import java.util.Optional;

/** Settlement's commission rows, sharded by promoter id. Writes happen inside the caller's transaction. */
public interface SettledCommissions {

    /** Creates an unknown row if there is none, then locks and returns the row. */
    SettledCommission lockOrCreate(long promoterId, long id, String orderId);

    Optional<SettledCommission> lock(long promoterId, long id);

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
