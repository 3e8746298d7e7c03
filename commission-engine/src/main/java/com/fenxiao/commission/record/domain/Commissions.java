package com.fenxiao.commission.record.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Commission records, sharded by promoter: every call names the promoters it touches. */
public interface Commissions {

    /** A promoter and an order: how the records of one order are found without a fan-out. */
    record Key(long promoterId, String orderId) {}

    /** The records of these (promoter, order) pairs, read for update inside the caller's transaction. */
    List<Commission> lockAll(Collection<Key> keys);

    void insertAll(List<Commission> created);

    void updateAll(List<Commission> changed);

    Optional<Commission> byId(long promoterId, long id);

    /** Looks a record up by id alone (fans out over every table): staff tools only. */
    Optional<Commission> findAnywhere(long id);

    /** Newest first; {@code beforeId} is the cursor (exclusive), null for the first page. */
    List<Commission> ofPromoter(long promoterId, CommissionStatus status, Long beforeId, int size);

    List<Commission> ofOrder(Collection<Long> promoterIds, String orderId);
}
