package com.fenxiao.relation.risk.adapter.redis;

import com.fenxiao.relation.risk.domain.SlidingWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Sliding windows as sorted sets scored by the service clock's milliseconds (so tests can move time);
 * trimming, counting and adding happen in one script, atomically across instances.
 */
@Component
class RedissonSlidingWindows implements SlidingWindows {

    private static final String RECORD = "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1]) "
            + "redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3]) "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[4]) "
            + "return redis.call('ZCARD', KEYS[1])";

    private static final String TRY_ACQUIRE = "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1]) "
            + "if redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 1 end "
            + "if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[5]) then return 0 end "
            + "redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3]) "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[4]) "
            + "return 1";

    private final RedissonClient redisson;

    RedissonSlidingWindows(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public long record(String key, String entry, Instant now, Duration window) {
        Long count = redisson.getScript(StringCodec.INSTANCE)
                .eval(
                        key,
                        RScript.Mode.READ_WRITE,
                        RECORD,
                        RScript.ReturnType.INTEGER,
                        List.<Object>of(key),
                        Long.toString(now.toEpochMilli() - window.toMillis()),
                        Long.toString(now.toEpochMilli()),
                        entry,
                        Long.toString(window.toMillis()));
        return count == null ? 0 : count;
    }

    @Override
    public boolean tryAcquire(String key, String entry, int limit, Instant now, Duration window) {
        Long acquired = redisson.getScript(StringCodec.INSTANCE)
                .eval(
                        key,
                        RScript.Mode.READ_WRITE,
                        TRY_ACQUIRE,
                        RScript.ReturnType.INTEGER,
                        List.<Object>of(key),
                        Long.toString(now.toEpochMilli() - window.toMillis()),
                        Long.toString(now.toEpochMilli()),
                        entry,
                        Long.toString(window.toMillis()),
                        Integer.toString(limit));
        return acquired != null && acquired == 1L;
    }

    @Override
    public void release(String key, String entry) {
        redisson.getScoredSortedSet(key, StringCodec.INSTANCE).remove(entry);
    }
}
