package com.fenxiao.relation.staff.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One audit log line. Its hash covers its content and the previous line's hash, so edits show. */
public record AuditEntry(
        long id,
        long actorId,
        String actorKind,
        String action,
        String targetType,
        String targetId,
        String before,
        String after,
        String reason,
        String requestId,
        Instant occurredAt) {

    public String hash(String previousHash) {
        String canonical = String.join(
                "\u001f",
                previousHash,
                Long.toString(id),
                Long.toString(actorId),
                actorKind,
                action,
                targetType,
                targetId,
                String.valueOf(before),
                String.valueOf(after),
                String.valueOf(reason),
                String.valueOf(requestId),
                Long.toString(occurredAt.toEpochMilli()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
