package com.fenxiao.relation.chain.application;

import com.fenxiao.relation.chain.domain.Chain;
import com.fenxiao.relation.chain.domain.ChainCache;
import com.fenxiao.relation.chain.domain.ChainNode;
import com.fenxiao.relation.chain.domain.ChainNodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Chains for many buyers in two cache round trips: the buyers' nodes (which name their level-1 and
 * level-2 promoters), then the promoters' nodes (status and flags). Misses, or Redis being down, fall
 * back to the database, and what was read from the database is put back into the cache.
 */
@Service
public class LookUpChains {

    private static final Logger log = LoggerFactory.getLogger(LookUpChains.class);

    private final ChainCache cache;
    private final ChainNodes nodes;

    public LookUpChains(ChainCache cache, ChainNodes nodes) {
        this.cache = cache;
        this.nodes = nodes;
    }

    public List<Chain> of(List<Long> userIds) {
        Set<Long> buyers = new LinkedHashSet<>(userIds);
        Map<Long, ChainNode> known = fetch(buyers);
        Set<Long> uplines = new LinkedHashSet<>();
        for (ChainNode buyer : known.values()) {
            if (buyer.inviterId() != null) {
                uplines.add(buyer.inviterId());
            }
            if (buyer.inviterL2Id() != null) {
                uplines.add(buyer.inviterL2Id());
            }
        }
        uplines.removeAll(known.keySet());
        known = new HashMap<>(known);
        known.putAll(fetch(uplines));
        List<Chain> chains = new ArrayList<>(buyers.size());
        for (long id : buyers) {
            ChainNode buyer = known.get(id);
            if (buyer == null) {
                chains.add(new Chain(id, null, null, null));
                continue;
            }
            chains.add(new Chain(
                    id,
                    buyer,
                    buyer.inviterId() == null ? null : known.get(buyer.inviterId()),
                    buyer.inviterL2Id() == null ? null : known.get(buyer.inviterL2Id())));
        }
        return chains;
    }

    private Map<Long, ChainNode> fetch(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, ChainNode> found = new HashMap<>();
        try {
            found.putAll(cache.get(ids));
        } catch (RuntimeException e) {
            log.warn("chain cache read failed, reading the database: {}", e.toString());
        }
        if (found.size() < ids.size()) {
            List<Long> missing = new ArrayList<>(ids);
            missing.removeAll(found.keySet());
            Map<Long, ChainNode> loaded = nodes.load(missing);
            found.putAll(loaded);
            try {
                cache.putIfNewer(loaded.values());
            } catch (RuntimeException e) {
                log.warn("chain cache fill failed: {}", e.toString());
            }
        }
        return found;
    }
}
