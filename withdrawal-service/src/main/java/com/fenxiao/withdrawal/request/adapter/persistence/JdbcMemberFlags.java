package com.fenxiao.withdrawal.request.adapter.persistence;

import com.fenxiao.withdrawal.request.domain.MemberFlags;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMemberFlags implements MemberFlags {

    private final JdbcTemplate jdbc;

    JdbcMemberFlags(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public boolean isFlagged(long userId) {
        return !jdbc.queryForList("SELECT 1 FROM member_flag WHERE user_id = ? LIMIT 1", Integer.class, userId)
                .isEmpty();
    }

    @Override
    public void flag(long userId, String reason, Instant at) {
        jdbc.update(
                "INSERT IGNORE INTO member_flag (user_id, reason, flagged_at) VALUES (?, ?, ?)",
                userId,
                reason,
                Timestamp.from(at));
    }

    @Override
    public void clear(long userId, String reason) {
        jdbc.update("DELETE FROM member_flag WHERE user_id = ? AND reason = ?", userId, reason);
    }
}
