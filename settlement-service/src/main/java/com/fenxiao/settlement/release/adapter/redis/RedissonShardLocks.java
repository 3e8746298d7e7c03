package com.fenxiao.settlement.release.adapter.redis;

import com.fenxiao.settlement.release.domain.ReleaseShard;
import com.fenxiao.settlement.release.domain.ShardLocks;
import java.util.Optional;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Redisson locks without a fixed lease: the holder's watchdog renews the lease while it lives; when the
 * holder dies the lease lapses after Redisson's lock-watchdog timeout and another instance takes over.
 */
@Component
public class RedissonShardLocks implements ShardLocks {

    private final RedissonClient redisson;
    private final String prefix;

    public RedissonShardLocks(
            RedissonClient redisson, @Value("${platform.datasource.name:fx_settlement}") String databaseName) {
        this.redisson = redisson;
        this.prefix = "settlement:release:" + databaseName + ":";
    }

    @Override
    public Optional<Held> tryLock(ReleaseShard shard) {
        RLock lock = redisson.getLock(prefix + shard.key());
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        long owner = Thread.currentThread().getId();
        return Optional.of(() -> {
            if (lock.isHeldByThread(owner)) {
                lock.unlock();
            }
        });
    }
}
