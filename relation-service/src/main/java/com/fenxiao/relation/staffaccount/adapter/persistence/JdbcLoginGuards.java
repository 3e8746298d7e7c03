package com.fenxiao.relation.staffaccount.adapter.persistence;

import com.fenxiao.relation.staffaccount.domain.LoginGuard;
import com.fenxiao.relation.staffaccount.domain.LoginGuards;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLoginGuards implements LoginGuards {

    private final JdbcTemplate jdbc;

    JdbcLoginGuards(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public LoginGuard lock(String username, Instant now) {
        // the row exists before it is locked, so two first attempts cannot both miss it
        jdbc.update(
                "INSERT IGNORE INTO staff_login_guard (username, failed_attempts, window_started_at, updated_at)"
                        + " VALUES (?, 0, ?, ?)",
                username,
                Timestamp.from(now),
                Timestamp.from(now));
        return jdbc.queryForObject(
                "SELECT username, failed_attempts, window_started_at, locked_until FROM staff_login_guard"
                        + " WHERE username = ? FOR UPDATE",
                (rs, i) -> {
                    Timestamp locked = rs.getTimestamp("locked_until");
                    return new LoginGuard(
                            rs.getString("username"),
                            rs.getInt("failed_attempts"),
                            rs.getTimestamp("window_started_at").toInstant(),
                            locked == null ? null : locked.toInstant());
                },
                username);
    }

    @Override
    public void save(LoginGuard g, Instant now) {
        jdbc.update(
                "UPDATE staff_login_guard SET failed_attempts = ?, window_started_at = ?, locked_until = ?,"
                        + " updated_at = ? WHERE username = ?",
                g.failedAttempts(),
                Timestamp.from(g.windowStartedAt()),
                g.lockedUntil() == null ? null : Timestamp.from(g.lockedUntil()),
                Timestamp.from(now),
                g.username());
    }

    @Override
    public void clear(String username) {
        jdbc.update("DELETE FROM staff_login_guard WHERE username = ?", username);
    }
}
