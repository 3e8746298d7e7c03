package com.fenxiao.relation.staff.adapter.persistence;

import com.fenxiao.relation.staff.domain.ApprovalRequest;
import com.fenxiao.relation.staff.domain.ApprovalStatus;
import com.fenxiao.relation.staff.domain.Approvals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApprovals implements Approvals {

    private static final String COLUMNS = "id, kind, target_user_id, reason, requester_id, approver_id, status,"
            + " requested_at, decided_at, decision_note";

    private final JdbcTemplate jdbc;

    JdbcApprovals(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void add(ApprovalRequest r, String requestId) {
        jdbc.update(
                "INSERT INTO approval_request (id, kind, target_user_id, reason, requester_id, status, requested_at,"
                        + " request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(),
                r.kind(),
                r.targetUserId(),
                r.reason(),
                r.requesterId(),
                r.status().name(),
                Timestamp.from(r.requestedAt()),
                requestId);
    }

    @Override
    public Optional<ApprovalRequest> lock(long id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM approval_request WHERE id = ? FOR UPDATE", JdbcApprovals::map, id)
                .stream()
                .findFirst();
    }

    @Override
    public boolean hasPending(String kind, long targetUserId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM approval_request WHERE kind = ? AND target_user_id = ? AND status = 'PENDING'"
                                + " LIMIT 1",
                        Integer.class,
                        kind,
                        targetUserId)
                .isEmpty();
    }

    @Override
    public boolean decide(long id, ApprovalStatus to, long approverId, String note, Instant at) {
        return jdbc.update(
                        "UPDATE approval_request SET status = ?, approver_id = ?, decided_at = ?, decision_note = ?"
                                + " WHERE id = ? AND status = 'PENDING' AND requester_id <> ?",
                        to.name(),
                        approverId,
                        Timestamp.from(at),
                        note,
                        id,
                        approverId)
                == 1;
    }

    @Override
    public List<ApprovalRequest> list(ApprovalStatus status, Long beforeId, int size) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM approval_request WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(size);
        return jdbc.query(sql.toString(), JdbcApprovals::map, args.toArray());
    }

    private static ApprovalRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ApprovalRequest(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getLong("target_user_id"),
                rs.getString("reason"),
                rs.getLong("requester_id"),
                rs.getObject("approver_id", Long.class),
                ApprovalStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("requested_at").toInstant(),
                decided == null ? null : decided.toInstant(),
                rs.getString("decision_note"));
    }
}
