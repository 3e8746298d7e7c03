package com.fenxiao.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Append-only audit log whose entries are chained by hash (each entry's hash covers the previous hash
 * and its own fields), written in the transaction of the action it records. {@code audit_head} holds the
 * last hash and serialises appends. The service owns the {@code audit_log} / {@code audit_head} tables
 * (same definition in every service), sharded by database on {@code shard_key} = 0.
 */
public class AuditTrail {

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(AuditRecord e) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audit entries are written in the transaction of the action");
        }
        String prev =
                jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE shard_key = 0 FOR UPDATE", String.class);
        String hash = hash(prev, e);
        jdbc.update(
                "INSERT INTO audit_log (id, shard_key, actor_id, action, target_type, target_id, before_json,"
                        + " after_json, reason, request_id, at, prev_hash, hash)"
                        + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(),
                e.actorId(),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.before(),
                e.after(),
                e.reason(),
                e.requestId(),
                Timestamp.from(e.at()),
                prev,
                hash);
        jdbc.update("UPDATE audit_head SET last_hash = ? WHERE shard_key = 0", hash);
    }

    /** The chained hash of an entry after {@code previousHash}. */
    public static String hash(String previousHash, AuditRecord e) {
        return sha256(String.join(
                "\u001f",
                previousHash,
                Long.toString(e.id()),
                Long.toString(e.actorId()),
                e.action(),
                e.targetType(),
                e.targetId(),
                String.valueOf(e.before()),
                String.valueOf(e.after()),
                String.valueOf(e.reason()),
                String.valueOf(e.requestId()),
                e.at().toString()));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
