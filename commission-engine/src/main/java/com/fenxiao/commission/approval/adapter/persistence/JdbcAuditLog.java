package com.fenxiao.commission.approval.adapter.persistence;

import com.fenxiao.commission.approval.domain.AuditEntry;
import com.fenxiao.commission.approval.domain.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each entry's hash covers its content and the previous entry's hash; the head row is locked while
 * appending, so concurrent appends form one chain, not a fork.
 */
@Repository
class JdbcAuditLog implements AuditLog {

    private final JdbcTemplate jdbc;

    JdbcAuditLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void append(AuditEntry e) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audit entries are written in the transaction of the action");
        }
        String prev =
                jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE shard_key = 0 FOR UPDATE", String.class);
        String hash = sha256(String.join(
                "\u001f",
                prev,
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

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
