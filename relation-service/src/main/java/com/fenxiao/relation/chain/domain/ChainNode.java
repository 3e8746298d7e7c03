package com.fenxiao.relation.chain.domain;

import java.util.List;

/**
 * One member as the chain look-up needs it: its stored level-1 and level-2 uplines, its status and its
 * active risk flags. {@code version} grows with every change, so an older copy never replaces a newer one.
 */
public record ChainNode(
        long userId, Long inviterId, Long inviterL2Id, String status, List<String> flags, long version) {

    public ChainNode {
        flags = List.copyOf(flags);
    }
}
