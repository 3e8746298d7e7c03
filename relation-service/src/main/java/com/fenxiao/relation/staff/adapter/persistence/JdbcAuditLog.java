package com.fenxiao.relation.staff.adapter.persistence;

import com.fenxiao.relation.staff.domain.AuditEntry;
import com.fenxiao.relation.staff.domain.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends audit entries, chaining each to the previous by hash. The chain head is one locked row, so
 * concurrent appends queue up instead of forking the chain. Only INSERTs touch {@code audit_log}.
 */
@Repository
class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;

    JdbcAuditLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void append(AuditEntry e) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an audit entry is written in the transaction of the action it records");
        }
        String previous = jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE id = 1 FOR UPDATE", String.class);
        String hash = e.hash(previous);
        jdbc.update(
                "INSERT INTO audit_log (id, actor_id, actor_kind, action, target_type, target_id, before_state,"
                        + " after_state, reason, request_id, occurred_at, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(),
                e.actorId(),
                e.actorKind(),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.before(),
                e.after(),
                e.reason(),
                e.requestId(),
                Timestamp.from(e.occurredAt()),
                previous,
                hash);
        jdbc.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", hash);
    }

    @Override
    public List<Stored> of(String targetType, String targetId, int limit) {
        return jdbc.query(
                "SELECT * FROM audit_log WHERE target_type = ? AND target_id = ? ORDER BY id DESC LIMIT ?",
                JdbcAuditLog::map,
                targetType,
                targetId,
                Math.max(1, Math.min(limit, 500)));
    }

    @Override
    public boolean verifyChain() {
        List<Stored> all = jdbc.query("SELECT * FROM audit_log", JdbcAuditLog::map);
        Map<String, Stored> byPrevious = new HashMap<>();
        for (Stored s : all) {
            if (!s.entry().hash(s.previousHash()).equals(s.hash())) {
                return false;
            }
            if (byPrevious.put(s.previousHash(), s) != null) {
                return false; // two entries claim the same predecessor: the chain was forked
            }
        }
        String head = jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE id = 1", String.class);
        String cursor = GENESIS;
        int walked = 0;
        while (byPrevious.containsKey(cursor)) {
            cursor = byPrevious.get(cursor).hash();
            walked++;
        }
        return walked == all.size() && cursor.equals(head);
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(
                new AuditEntry(
                        rs.getLong("id"),
                        rs.getLong("actor_id"),
                        rs.getString("actor_kind"),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        rs.getString("before_state"),
                        rs.getString("after_state"),
                        rs.getString("reason"),
                        rs.getString("request_id"),
                        rs.getTimestamp("occurred_at").toInstant()),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
