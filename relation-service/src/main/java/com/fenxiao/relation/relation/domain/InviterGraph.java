package com.fenxiao.relation.relation.domain;

/** Reads the inviter graph one step at a time; the adapter decides how rows are locked while read. */
public interface InviterGraph {

    /** The inviter of a member, or null when it has none. */
    Long inviterOf(long memberId);
}
