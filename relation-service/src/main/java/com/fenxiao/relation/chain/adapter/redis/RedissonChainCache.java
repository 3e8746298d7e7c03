package com.fenxiao.relation.chain.adapter.redis;

import com.fenxiao.relation.RelationProperties;
import com.fenxiao.relation.chain.domain.ChainCache;
import com.fenxiao.relation.chain.domain.ChainNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Chain nodes in Redis as plain strings, {@code version|inviterId|inviterL2Id|status|flag,flag}, one key
 * per member. Writes go through a script that keeps whichever copy has the higher version.
 */
@Component
public class RedissonChainCache implements ChainCache {

    static final String PUT_IF_NEWER = "local cur = redis.call('GET', KEYS[1]) "
            + "if cur then "
            + "  local v = tonumber(string.match(cur, '^(%d+)|')) "
            + "  if v and v >= tonumber(ARGV[1]) then return 0 end "
            + "end "
            + "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) "
            + "return 1";

    private final RedissonClient redisson;
    private final String prefix;
    private final long ttlMillis;

    public RedissonChainCache(RedissonClient redisson, RelationProperties props) {
        this.redisson = redisson;
        this.prefix = props.getCache().getKeyPrefix() + "chain:";
        this.ttlMillis = props.getCache().getTtl().toMillis();
    }

    public String keyOf(long userId) {
        return prefix + userId;
    }

    @Override
    public Map<Long, ChainNode> get(Collection<Long> userIds) {
        Map<Long, ChainNode> found = new HashMap<>();
        if (userIds.isEmpty()) {
            return found;
        }
        String[] keys = userIds.stream().map(this::keyOf).toArray(String[]::new);
        Map<String, Object> values = redisson.getBuckets(StringCodec.INSTANCE).get(keys);
        for (long id : userIds) {
            Object value = values.get(keyOf(id));
            if (value != null) {
                found.put(id, decode(id, value.toString()));
            }
        }
        return found;
    }

    @Override
    public void putIfNewer(Collection<ChainNode> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        RBatch batch = redisson.createBatch(BatchOptions.defaults());
        for (ChainNode node : nodes) {
            String key = keyOf(node.userId());
            batch.getScript(StringCodec.INSTANCE)
                    .evalAsync(
                            key,
                            RScript.Mode.READ_WRITE,
                            PUT_IF_NEWER,
                            RScript.ReturnType.INTEGER,
                            List.<Object>of(key),
                            Long.toString(node.version()),
                            encode(node),
                            Long.toString(ttlMillis));
        }
        batch.execute();
    }

    @Override
    public void evict(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        redisson.getKeys().delete(userIds.stream().map(this::keyOf).toArray(String[]::new));
    }

    static String encode(ChainNode node) {
        return node.version() + "|" + (node.inviterId() == null ? "" : node.inviterId()) + "|"
                + (node.inviterL2Id() == null ? "" : node.inviterL2Id()) + "|" + node.status() + "|"
                + String.join(",", node.flags());
    }

    static ChainNode decode(long userId, String value) {
        String[] parts = value.split("\\|", -1);
        if (parts.length != 5) {
            throw new IllegalStateException("corrupt chain cache entry for " + userId + ": " + value);
        }
        List<String> flags = parts[4].isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(parts[4].split(",")));
        return new ChainNode(
                userId,
                parts[1].isEmpty() ? null : Long.valueOf(parts[1]),
                parts[2].isEmpty() ? null : Long.valueOf(parts[2]),
                parts[3],
                flags,
                Long.parseLong(parts[0]));
    }
}
