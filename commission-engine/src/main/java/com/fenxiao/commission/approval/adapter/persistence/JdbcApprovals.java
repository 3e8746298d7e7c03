package com.fenxiao.commission.approval.adapter.persistence;

import com.fenxiao.commission.approval.domain.ApprovalKind;
import com.fenxiao.commission.approval.domain.ApprovalRequest;
import com.fenxiao.commission.approval.domain.ApprovalStatus;
import com.fenxiao.commission.approval.domain.Approvals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApprovals implements Approvals {

    private static final String COLUMNS =
            "SELECT id, kind, target, payload, reason, requested_by, requested_at, status,"
                    + " decided_by, decided_at, decision_note, applied_at FROM approval_request";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    JdbcApprovals(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public void add(ApprovalRequest r) {
        jdbc.update(
                "INSERT INTO approval_request (id, shard_key, kind, target, payload, reason, status, requested_by,"
                        + " requested_at) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)",
                r.id(),
                r.kind().name(),
                r.target(),
                r.payload(),
                r.reason(),
                r.status().name(),
                r.requestedBy(),
                Timestamp.from(r.requestedAt()));
    }

    @Override
    public Optional<ApprovalRequest> byId(long id) {
        return jdbc.query(COLUMNS + " WHERE shard_key = 0 AND id = ?", (rs, i) -> read(rs), id).stream()
                .findFirst();
    }

    @Override
    public boolean replace(ApprovalRequest r, ApprovalStatus expected) {
        return jdbc.update(
                        "UPDATE approval_request SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?,"
                                + " applied_at = ? WHERE shard_key = 0 AND id = ? AND status = ?",
                        r.status().name(),
                        r.decidedBy(),
                        ts(r.decidedAt()),
                        r.decisionNote(),
                        ts(r.appliedAt()),
                        r.id(),
                        expected.name())
                == 1;
    }

    @Override
    public List<ApprovalRequest> list(ApprovalKind kind, ApprovalStatus status, Long beforeId, int size) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE shard_key = 0 AND kind = :kind");
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind.name());
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (beforeId != null) {
            sql.append(" AND id < :before");
            params.put("before", beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(size, 101)));
        return named.query(sql.toString(), params, (rs, i) -> read(rs));
    }

    private static ApprovalRequest read(ResultSet rs) throws SQLException {
        return new ApprovalRequest(
                rs.getLong("id"),
                ApprovalKind.valueOf(rs.getString("kind")),
                rs.getString("target"),
                rs.getString("payload"),
                rs.getString("reason"),
                rs.getLong("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                ApprovalStatus.valueOf(rs.getString("status")),
                rs.getObject("decided_by", Long.class),
                instant(rs.getTimestamp("decided_at")),
                rs.getString("decision_note"),
                instant(rs.getTimestamp("applied_at")));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
