package com.fenxiao.relation.relation.adapter.persistence;

import com.fenxiao.relation.relation.domain.RelationHistory;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRelationHistory implements RelationHistory {

    private final JdbcTemplate jdbc;

    JdbcRelationHistory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO bind_history (id, user_id, action, inviter_id, inviter_l2_id, invite_code, channel,"
                        + " reason, device_id, ip, operator_id, approval_id, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries.stream()
                        .map(e -> new Object[] {
                            e.id(),
                            e.userId(),
                            e.action().name(),
                            e.inviterId(),
                            e.inviterL2Id(),
                            e.inviteCode(),
                            e.channel(),
                            e.reason(),
                            e.deviceId(),
                            e.ip(),
                            e.operatorId(),
                            e.approvalId(),
                            Timestamp.from(e.occurredAt())
                        })
                        .toList());
    }

    @Override
    public List<Entry> of(long userId, int limit) {
        return jdbc.query(
                "SELECT id, user_id, action, inviter_id, inviter_l2_id, invite_code, channel, reason, device_id, ip,"
                        + " operator_id, approval_id, occurred_at FROM bind_history WHERE user_id = ?"
                        + " ORDER BY id DESC LIMIT ?",
                (rs, i) -> new Entry(
                        rs.getLong(1),
                        rs.getLong(2),
                        Action.valueOf(rs.getString(3)),
                        rs.getObject(4, Long.class),
                        rs.getObject(5, Long.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getObject(11, Long.class),
                        rs.getObject(12, Long.class),
                        rs.getTimestamp(13).toInstant()),
                userId,
                Math.max(1, Math.min(limit, 500)));
    }
}
