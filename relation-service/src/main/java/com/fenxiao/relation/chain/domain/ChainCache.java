package com.fenxiao.relation.chain.domain;

import java.util.Collection;
import java.util.Map;

/** A cache of chain nodes; never the source of truth. */
public interface ChainCache {

    /** The cached nodes among these ids (absent ids are misses). */
    Map<Long, ChainNode> get(Collection<Long> userIds);

    /** Stores each node unless the cache already holds the same or a newer version of it. */
    void putIfNewer(Collection<ChainNode> nodes);

    void evict(Collection<Long> userIds);
}
