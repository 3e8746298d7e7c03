package com.fenxiao.relation.risk.adapter.persistence;

import com.fenxiao.relation.risk.domain.FlagReason;
import com.fenxiao.relation.risk.domain.FlagStatus;
import com.fenxiao.relation.risk.domain.RiskFlag;
import com.fenxiao.relation.risk.domain.RiskFlags;
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
class JdbcRiskFlags implements RiskFlags {

    private static final String COLUMNS =
            "id, user_id, reason, detail, status, created_at, resolved_by, resolved_at, resolution_note";

    private final JdbcTemplate jdbc;

    JdbcRiskFlags(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public boolean hasOpen(long userId, FlagReason reason) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM risk_flag WHERE user_id = ? AND reason = ? AND status = 'OPEN' LIMIT 1",
                        Integer.class,
                        userId,
                        reason.name())
                .isEmpty();
    }

    @Override
    public void add(RiskFlag f) {
        jdbc.update(
                "INSERT INTO risk_flag (id, user_id, reason, detail, status, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                f.id(),
                f.userId(),
                f.reason().name(),
                f.detail().length() > 255 ? f.detail().substring(0, 255) : f.detail(),
                f.status().name(),
                Timestamp.from(f.createdAt()));
    }

    @Override
    public Optional<RiskFlag> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_flag WHERE id = ?", JdbcRiskFlags::map, id).stream()
                .findFirst();
    }

    @Override
    public boolean resolve(long id, FlagStatus to, long staffId, String note, Instant at) {
        return jdbc.update(
                        "UPDATE risk_flag SET status = ?, resolved_by = ?, resolved_at = ?, resolution_note = ?"
                                + " WHERE id = ? AND status = 'OPEN'",
                        to.name(),
                        staffId,
                        Timestamp.from(at),
                        note,
                        id)
                == 1;
    }

    @Override
    public void syncMember(long userId, Instant at) {
        List<String> active = jdbc.queryForList(
                "SELECT DISTINCT reason FROM risk_flag WHERE user_id = ? AND status IN ('OPEN', 'CONFIRMED')"
                        + " ORDER BY reason",
                String.class,
                userId);
        jdbc.update(
                "UPDATE member SET risk_flags = ?, version = version + 1, updated_at = ? WHERE id = ?",
                String.join(",", active),
                Timestamp.from(at),
                userId);
    }

    @Override
    public List<RiskFlag> list(FlagStatus status, Long userId, Long beforeId, int size) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM risk_flag WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (userId != null) {
            sql.append(" AND user_id = ?");
            args.add(userId);
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(size);
        return jdbc.query(sql.toString(), JdbcRiskFlags::map, args.toArray());
    }

    private static RiskFlag map(ResultSet rs, int row) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new RiskFlag(
                rs.getLong("id"),
                rs.getLong("user_id"),
                FlagReason.valueOf(rs.getString("reason")),
                rs.getString("detail"),
                FlagStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("resolved_by", Long.class),
                resolved == null ? null : resolved.toInstant(),
                rs.getString("resolution_note"));
    }
}
