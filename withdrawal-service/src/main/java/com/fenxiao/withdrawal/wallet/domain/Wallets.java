package com.fenxiao.withdrawal.wallet.domain;

import com.fenxiao.common.shard.Shards;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The wallet rows and their ledger. Implementations run inside the caller's transaction. */
public interface Wallets {

    /** One ledger entry of a promoter: its source makes it unique in that promoter's ledger. */
    record Source(long promoterId, String sourceKey) {}

    /** A ledger entry to append in a batch. */
    record Entry(long id, long promoterId, Posting posting) {}

    /**
     * The batch form of {@link #ensureExists}, for promoters of one shard: outside any transaction, so no
     * lock is held afterwards.
     */
    void ensureExistAll(Shards.Shard shard, Collection<Long> promoterIds);

    /**
     * The balances of the promoters of one shard, their wallet rows locked until the transaction ends,
     * taken in table and promoter order so that two batches never wait on each other in a cycle. A
     * promoter without a row is absent.
     */
    Map<Long, Balances> lockAll(Shards.Shard shard, Collection<Long> promoterIds);

    /** Which of these sources (of promoters of one shard) already have a ledger entry. */
    Set<Source> existingSources(Shards.Shard shard, Collection<Source> sources);

    /** Appends the entries (none of whose sources exists yet), one statement per table. */
    void appendAll(Shards.Shard shard, List<Entry> entries);

    /**
     * Writes the wallets' new balances, one statement per table. Only for rows this transaction locked
     * ({@link #lockAll}) and balances computed from what it read there plus the deltas of the entries it
     * appended: under the lock nothing else changes them, and a bucket cannot go negative
     * ({@link Balances} refuses it, the table's CHECK constraint again).
     */
    void storeAll(Shards.Shard shard, Map<Long, Balances> balances);

    /** Creates the empty wallet row if missing; outside any transaction, so no lock is held afterwards. */
    void ensureExists(long promoterId);

    /** Whether the promoter has a wallet row (anything ever credited). */
    boolean exists(long promoterId);

    /** The balances, with the wallet row locked until the transaction ends. */
    Balances lock(long promoterId);

    /** True when an entry with this source already exists for the promoter. */
    boolean hasEntry(long promoterId, String sourceKey);

    /**
     * Appends the entry and applies its delta with a guarded update; false when the entry's source
     * was already recorded (nothing changed).
     */
    boolean append(long entryId, long promoterId, EntryType type, String sourceKey, long amountFen, Delta delta);

    /** The bucket sums over the promoter's ledger, for the invariant check. */
    Balances ledgerSums(long promoterId);

    /**
     * Per promoter with commission entries: settled credits minus reversal debits in the ledger (what
     * settlement released to the wallet, net of refunds). Promoters without such entries are absent.
     */
    java.util.Map<Long, Long> creditedFen(java.util.Collection<Long> promoterIds);
}
