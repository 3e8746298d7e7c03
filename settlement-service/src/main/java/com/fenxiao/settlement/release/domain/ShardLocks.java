package com.fenxiao.settlement.release.domain;

import java.util.Optional;

/**
 * One holder per shard across instances. A crashed holder's lock lapses on its own (its lease is no
 * longer renewed), so the shard is taken over without an operator.
 */
public interface ShardLocks {

    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The lock if free now; empty when another instance holds it. */
    Optional<Held> tryLock(ReleaseShard shard);
}
