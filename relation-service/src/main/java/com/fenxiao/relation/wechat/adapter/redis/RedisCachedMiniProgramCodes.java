package com.fenxiao.relation.wechat.adapter.redis;

import com.fenxiao.relation.wechat.domain.MiniProgramCodes;
import java.time.Duration;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.ByteArrayCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mini-program code images kept in Redis by scene, page, width and version: a member's code never changes
 * while their invite code does not, and WeChat limits {@code getwxacodeunlimit} calls, so each image is
 * asked for once and served from the cache afterwards. Only images are cached, never WeChat's refusals; a
 * Redis failure serves the image from WeChat rather than failing the member's request.
 */
public class RedisCachedMiniProgramCodes implements MiniProgramCodes {

    private static final Logger log = LoggerFactory.getLogger(RedisCachedMiniProgramCodes.class);

    private final MiniProgramCodes delegate;
    private final RedissonClient redisson;
    private final String prefix;
    private final Duration ttl;

    /** @param prefix the keys' prefix, including the app id and the code's version */
    public RedisCachedMiniProgramCodes(
            MiniProgramCodes delegate, RedissonClient redisson, String prefix, Duration ttl) {
        this.delegate = delegate;
        this.redisson = redisson;
        this.prefix = prefix;
        this.ttl = ttl;
    }

    public String keyOf(String scene, String page, int width) {
        return prefix + page + ":" + width + ":" + scene;
    }

    @Override
    public byte[] unlimited(String scene, String page, int width) {
        if (scene.length() > MAX_SCENE) {
            throw new IllegalArgumentException("scene longer than " + MAX_SCENE);
        }
        RBucket<byte[]> bucket = redisson.getBucket(keyOf(scene, page, width), ByteArrayCodec.INSTANCE);
        try {
            byte[] cached = bucket.get();
            if (cached != null && cached.length > 0) {
                return cached;
            }
        } catch (RedisException e) {
            log.warn("mini-program code cache unavailable, asking WeChat: {}", e.getMessage());
            return delegate.unlimited(scene, page, width);
        }
        byte[] image = delegate.unlimited(scene, page, width);
        try {
            bucket.set(image, ttl);
        } catch (RedisException e) {
            log.warn("mini-program code not cached: {}", e.getMessage());
        }
        return image;
    }
}
