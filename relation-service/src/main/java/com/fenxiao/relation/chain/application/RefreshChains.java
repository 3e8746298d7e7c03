package com.fenxiao.relation.chain.application;

import com.fenxiao.relation.chain.domain.ChainCache;
import com.fenxiao.relation.chain.domain.ChainNode;
import com.fenxiao.relation.chain.domain.ChainNodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Called after a change commits: replaces the cached nodes of the changed members with what the database
 * now holds. Versions make this safe against a concurrent reader that fetched the old row before the
 * commit and writes it to the cache after us: the cache keeps the newer version. When Redis fails, the
 * entries are evicted instead, and if that fails too the TTL bounds how long a stale entry can live.
 */
@Service
public class RefreshChains {

    private static final Logger log = LoggerFactory.getLogger(RefreshChains.class);

    private final ChainNodes nodes;
    private final ChainCache cache;

    public RefreshChains(ChainNodes nodes, ChainCache cache) {
        this.nodes = nodes;
        this.cache = cache;
    }

    public void refresh(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        try {
            Map<Long, ChainNode> current = nodes.load(userIds);
            cache.putIfNewer(current.values());
            List<Long> gone = new ArrayList<>(userIds);
            gone.removeAll(current.keySet());
            if (!gone.isEmpty()) {
                cache.evict(gone);
            }
        } catch (RuntimeException e) {
            log.warn("chain cache refresh of {} failed, evicting: {}", userIds, e.toString());
            try {
                cache.evict(userIds);
            } catch (RuntimeException again) {
                log.error("chain cache eviction of {} failed; entries expire by TTL: {}", userIds, again.toString());
            }
        }
    }
}
