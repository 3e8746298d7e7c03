package com.fenxiao.relation.staff.domain;

import java.util.List;

/** Append-only; there is no update and no delete. */
public interface AuditLog {

    void append(AuditEntry entry);

    List<Stored> of(String targetType, String targetId, int limit);

    /** True when every stored entry's hash matches its content and its predecessor. */
    boolean verifyChain();

    record Stored(AuditEntry entry, String previousHash, String hash) {}
}
