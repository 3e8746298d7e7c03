package com.fenxiao.withdrawal.wallet.domain;

import com.fenxiao.common.shard.Shards;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The wallet's per-commission memory; used under the wallet row's lock, inside its transaction. */
public interface CommissionPendings {

    Optional<CommissionPending> find(long promoterId, long commissionId);

    void save(CommissionPending pending);

    /** One commission of one promoter. */
    record Ref(long promoterId, long commissionId) {}

    /** What the wallet remembers of these commissions (of promoters of one shard), by commission id. */
    Map<Long, CommissionPending> findAll(Shards.Shard shard, Collection<Ref> refs);

    /** Stores these memories (new or changed), one statement per table. */
    void saveAll(Shards.Shard shard, Collection<CommissionPending> pendings);
}
