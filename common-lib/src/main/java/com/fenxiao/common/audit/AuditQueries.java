package com.fenxiao.common.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the audit log: newest first with keyset paging by id, or in chain order for exports. */
public class AuditQueries {

    static final String COLUMNS = "id, seq, actor_id, action, target_type, target_id, before_json, after_json,"
            + " reason, request_id, at, prev_hash, hash";

    private static final int EXPORT_PAGE = 500;

    private final JdbcTemplate jdbc;

    public AuditQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code beforeId} is the cursor (exclusive), null for the first page. */
    public List<AuditEntry> find(AuditFilter f, Long beforeId, int size) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE shard_key = 0");
        List<Object> args = new ArrayList<>();
        if (f.targetType() != null) {
            sql.append(" AND target_type = ?");
            args.add(f.targetType());
        }
        if (f.targetId() != null) {
            sql.append(" AND target_id = ?");
            args.add(f.targetId());
        }
        if (f.actorId() != null) {
            sql.append(" AND actor_id = ?");
            args.add(f.actorId());
        }
        if (f.action() != null) {
            sql.append(" AND action = ?");
            args.add(f.action());
        }
        if (f.from() != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND at < ?");
            args.add(Timestamp.from(f.to()));
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(size, 1000)));
        return jdbc.query(sql.toString(), AuditQueries::map, args.toArray());
    }

    /** Every entry with {@code from <= at < to}, in chain order, one page at a time (for streamed exports). */
    public void forEach(Instant from, Instant to, Consumer<AuditEntry> each) {
        long afterSeq = 0;
        while (true) {
            List<AuditEntry> page = jdbc.query(
                    "SELECT " + COLUMNS + " FROM audit_log WHERE shard_key = 0 AND seq > ? AND at >= ? AND at < ?"
                            + " ORDER BY seq LIMIT " + EXPORT_PAGE,
                    AuditQueries::map,
                    afterSeq,
                    Timestamp.from(from),
                    Timestamp.from(to));
            page.forEach(each);
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            afterSeq = page.get(page.size() - 1).seq();
        }
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        long seq = rs.getLong("seq");
        if (rs.wasNull()) {
            seq = 0;
        }
        return new AuditEntry(
                new AuditRecord(
                        rs.getLong("id"),
                        rs.getLong("actor_id"),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        rs.getString("before_json"),
                        rs.getString("after_json"),
                        rs.getString("reason"),
                        rs.getString("request_id"),
                        rs.getTimestamp("at").toInstant()),
                seq,
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
