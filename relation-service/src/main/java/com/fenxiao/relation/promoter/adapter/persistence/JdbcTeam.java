package com.fenxiao.relation.promoter.adapter.persistence;

import com.fenxiao.relation.promoter.domain.Team;
import com.fenxiao.relation.promoter.domain.TeamCursor;
import com.fenxiao.relation.promoter.domain.TeamLevel;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Level 1 is {@code inviter_id = me}, level 2 is {@code inviter_l2_id = me}: two indexed columns, no walk. */
@Repository
class JdbcTeam implements Team {

    private final JdbcTemplate jdbc;

    JdbcTeam(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private static String column(TeamLevel level) {
        return level == TeamLevel.ONE ? "inviter_id" : "inviter_l2_id";
    }

    @Override
    public long count(long promoterId, TeamLevel level) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM member WHERE " + column(level) + " = ?", Long.class, promoterId);
        return n == null ? 0 : n;
    }

    @Override
    public List<TeamMember> page(long promoterId, TeamLevel level, TeamCursor cursor, int size) {
        String col = column(level);
        if (cursor == null) {
            return jdbc.query(
                    "SELECT id, nickname, bound_at FROM member WHERE " + col + " = ?"
                            + " ORDER BY bound_at DESC, id DESC LIMIT ?",
                    (rs, i) -> new TeamMember(
                            rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                    promoterId,
                    size);
        }
        Timestamp at = Timestamp.from(cursor.joinedAt());
        return jdbc.query(
                "SELECT id, nickname, bound_at FROM member WHERE " + col + " = ?"
                        + " AND (bound_at < ? OR (bound_at = ? AND id < ?))"
                        + " ORDER BY bound_at DESC, id DESC LIMIT ?",
                (rs, i) -> new TeamMember(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                promoterId,
                at,
                at,
                cursor.userId(),
                size);
    }
}
