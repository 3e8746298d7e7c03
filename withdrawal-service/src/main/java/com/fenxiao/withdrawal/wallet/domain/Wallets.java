package com.fenxiao.withdrawal.wallet.domain;

/** The wallet rows and their ledger. Implementations run inside the caller's transaction. */
public interface Wallets {

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
