package com.fenxiao.common.audit;

/** An audit record as stored: its place in the chain and the hashes that link it. */
public record AuditEntry(AuditRecord record, long seq, String prevHash, String hash) {}
