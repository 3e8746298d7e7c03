package com.fenxiao.commission.approval.domain;

/** Append-only; each entry is chained by hash to the previous one, so an edit shows. */
public interface AuditLog {

    void append(AuditEntry entry);
}
