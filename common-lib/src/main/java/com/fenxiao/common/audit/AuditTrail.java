package com.fenxiao.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Append-only audit log whose entries are chained by hash (each entry's hash covers the previous hash
 * and its own fields), written in the transaction of the action it records. {@code audit_head} holds the
 * last hash and the last sequence number and serialises appends, so {@code seq} is the chain's order
 * (snowflake ids of concurrent transactions may commit out of order). Every service owns the same
 * {@code audit_log} / {@code audit_head} tables (see {@code db/shared/audit_and_approvals.sql}), sharded
 * by database on {@code shard_key} = 0.
 */
public class AuditTrail {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends the entry. Its time is cut to whole seconds before hashing: that is what every supported
     * database and driver stores exactly (this machine's MariaDB with mysql-connector-j drops the
     * milliseconds of DATETIME(3)), so the verifier re-computes the hash from what it reads back.
     */
    public AuditRecord append(AuditRecord e) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audit entries are written in the transaction of the action");
        }
        AuditRecord stored = new AuditRecord(
                e.id(),
                e.actorId(),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.before(),
                e.after(),
                e.reason(),
                e.requestId(),
                e.at().truncatedTo(ChronoUnit.SECONDS));
        Map<String, Object> head =
                jdbc.queryForMap("SELECT last_hash, last_seq FROM audit_head WHERE shard_key = 0 FOR UPDATE");
        String prev = (String) head.get("last_hash");
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String hash = hash(prev, stored);
        jdbc.update(
                "INSERT INTO audit_log (id, shard_key, seq, actor_id, action, target_type, target_id, before_json,"
                        + " after_json, reason, request_id, at, prev_hash, hash)"
                        + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                stored.id(),
                seq,
                stored.actorId(),
                stored.action(),
                stored.targetType(),
                stored.targetId(),
                stored.before(),
                stored.after(),
                stored.reason(),
                stored.requestId(),
                Timestamp.from(stored.at()),
                prev,
                hash);
        jdbc.update("UPDATE audit_head SET last_hash = ?, last_seq = ? WHERE shard_key = 0", hash, seq);
        return stored;
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
