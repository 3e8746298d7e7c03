package com.fenxiao.commission.chain.domain;

import java.util.Collection;
import java.util.Map;

/**
 * The relation store itself (relation-service), asked only when this engine holds no chain for a user:
 * its copy is filled by RELATION_EVENTS and may not have heard of a binding yet (SPEC §3: a miss falls
 * back to the source of truth). Users relation-service does not know are absent from the answer.
 */
public interface ChainSource {

    /** Whether a source is configured; without one a miss means "no chain". */
    boolean available();

    Map<Long, Chain> lookUp(Collection<Long> userIds);
}
