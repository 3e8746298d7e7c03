package com.fenxiao.relation.wechat.adapter.redis;

import com.fenxiao.relation.wechat.domain.AccessTokens;
import com.fenxiao.relation.wechat.domain.WeChatRefused;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RBucket;
import org.redisson.api.RLock;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The {@code access_token} shared by every instance: one Redis key per app id that expires a margin
 * before WeChat's {@code expires_in}, and a Redis lock so that exactly one instance fetches a new token
 * while the others wait for it (WeChat's rule: a fresh token replaces the old one, so instances fetching
 * in turn would keep invalidating each other's).
 */
public class RedisAccessTokens implements AccessTokens {

    static final String DELETE_IF_EQUAL =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private final RedissonClient redisson;
    private final String key;
    private final Duration margin;
    private final Duration refreshWait;

    /**
     * @param key the token's key, including the app id
     * @param margin how long before WeChat's expiry the shared token is dropped
     * @param refreshWait how long an instance waits for another one's refresh before giving up
     */
    public RedisAccessTokens(RedissonClient redisson, String key, Duration margin, Duration refreshWait) {
        this.redisson = redisson;
        this.key = key;
        this.margin = margin;
        this.refreshWait = refreshWait;
    }

    public String key() {
        return key;
    }

    @Override
    public String current(Supplier<Fetched> fetch) {
        RBucket<String> bucket = redisson.getBucket(key, StringCodec.INSTANCE);
        String token = bucket.get();
        if (token != null) {
            return token;
        }
        RLock lock = redisson.getLock(key + ":refresh");
        boolean locked;
        try {
            // the lease outlives a slow WeChat answer, and ends the lock of an instance that died holding it
            locked = lock.tryLock(refreshWait.toMillis(), refreshWait.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeChatRefused("interrupted while waiting for the access_token refresh", false);
        }
        if (!locked) {
            token = bucket.get();
            if (token != null) {
                return token;
            }
            throw new WeChatRefused("another instance is still refreshing the WeChat access_token", false);
        }
        try {
            token = bucket.get(); // the instance that held the lock before may have stored one
            if (token != null) {
                return token;
            }
            Fetched fetched = fetch.get();
            Duration keep = fetched.validFor().minus(margin);
            if (keep.isNegative() || keep.isZero()) {
                keep = fetched.validFor().dividedBy(2);
            }
            if (!keep.isZero()) {
                bucket.set(fetched.token(), keep);
            }
            return fetched.token();
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    @Override
    public void invalidate(String stale) {
        if (stale == null) {
            return;
        }
        redisson.getScript(StringCodec.INSTANCE)
                .eval(RScript.Mode.READ_WRITE, DELETE_IF_EQUAL, RScript.ReturnType.INTEGER, List.of(key), stale);
    }
}
