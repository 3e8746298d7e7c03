package com.fenxiao.relation.chain.domain;

import java.util.Collection;
import java.util.Map;

/** The source of truth: chain nodes read from the database. */
public interface ChainNodes {

    Map<Long, ChainNode> load(Collection<Long> userIds);
}
