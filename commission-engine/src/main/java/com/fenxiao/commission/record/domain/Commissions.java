package com.fenxiao.commission.record.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Commission records, sharded by promoter: every call names the promoters it touches. */
public interface Commissions {

    /** A record's id with its shard key. */
    record Key(long promoterId, long id) {}

    /**
     * The records with these ids that exist, read for update inside the caller's transaction. Only
     * these rows are locked (primary-key look-ups), so batches working on other orders never wait.
     */
    List<Commission> lockAll(Collection<Key> keys);

    void insertAll(List<Commission> created);

    void updateAll(List<Commission> changed);

    /**
     * Like {@link #lockAll}, for keys of one physical database, on its own connection (a batch routed
     * once, see {@link com.fenxiao.common.shard.Shards}): rows locked in id order, table by table.
     */
    List<Commission> lockAll(com.fenxiao.common.shard.Shards.Shard shard, Collection<Key> keys);

    /** Like {@link #updateAll}, for records of one physical database, on its own connection. */
    void updateAll(com.fenxiao.common.shard.Shards.Shard shard, List<Commission> changed);

    Optional<Commission> byId(long promoterId, long id);

    /** Looks a record up by id alone (fans out over every table): staff tools only. */
    Optional<Commission> findAnywhere(long id);

    /** Newest first; {@code beforeId} is the cursor (exclusive), null for the first page. */
    List<Commission> ofPromoter(long promoterId, CommissionStatus status, Long beforeId, int size);

    List<Commission> ofOrder(Collection<Long> promoterIds, String orderId);
}
