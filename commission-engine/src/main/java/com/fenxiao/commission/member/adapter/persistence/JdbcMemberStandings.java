package com.fenxiao.commission.member.adapter.persistence;

import com.fenxiao.commission.member.domain.MemberStanding;
import com.fenxiao.commission.member.domain.MemberStandings;
import com.fenxiao.commission.persistence.ShardedLookups;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMemberStandings implements MemberStandings {

    private final JdbcTemplate jdbc;

    private final ShardedLookups lookups;

    JdbcMemberStandings(DataSource dataSource, ShardedLookups lookups) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.lookups = lookups;
    }

    @Override
    public Map<Long, MemberStanding> of(Collection<Long> userIds) {
        Map<Long, MemberStanding> out = new HashMap<>();
        lookups.query(
                "SELECT user_id, flagged, flag_reasons, disabled, account_disabled FROM member_state_",
                "user_id",
                userIds,
                rs -> {
                    MemberStanding s = new MemberStanding(
                            rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5));
                    out.put(s.userId(), s);
                });
        return out;
    }

    @Override
    public void flag(long userId, String reason, Instant at) {
        Timestamp now = Timestamp.from(at);
        if (jdbc.update(
                        "INSERT IGNORE INTO member_state (user_id, flagged, flag_reasons, disabled, updated_at)"
                                + " VALUES (?, 1, ?, 0, ?)",
                        userId,
                        reason,
                        now)
                == 1) {
            return;
        }
        String reasons = jdbc.queryForObject(
                "SELECT flag_reasons FROM member_state WHERE user_id = ? FOR UPDATE", String.class, userId);
        Set<String> all = new LinkedHashSet<>();
        if (reasons != null && !reasons.isBlank()) {
            all.addAll(Arrays.asList(reasons.split(",")));
        }
        all.add(reason);
        String joined = String.join(",", all);
        jdbc.update(
                "UPDATE member_state SET flagged = 1, flag_reasons = ?, updated_at = ? WHERE user_id = ?",
                joined.length() > 255 ? joined.substring(0, 255) : joined,
                now,
                userId);
    }

    @Override
    public void clearFlag(long userId, String reason, Instant at) {
        List<String> rows = jdbc.queryForList(
                "SELECT flag_reasons FROM member_state WHERE user_id = ? FOR UPDATE", String.class, userId);
        if (rows.isEmpty()) {
            return;
        }
        Set<String> left = new LinkedHashSet<>();
        String reasons = rows.get(0);
        if (reasons != null && !reasons.isBlank()) {
            left.addAll(Arrays.asList(reasons.split(",")));
        }
        left.remove(reason);
        jdbc.update(
                "UPDATE member_state SET flagged = ?, flag_reasons = ?, updated_at = ? WHERE user_id = ?",
                !left.isEmpty(),
                left.isEmpty() ? null : String.join(",", left),
                Timestamp.from(at),
                userId);
    }

    @Override
    public boolean setAccountDisabled(long userId, boolean disabled, Instant at) {
        Timestamp when = Timestamp.from(at);
        if (jdbc.update(
                        "INSERT IGNORE INTO member_state (user_id, flagged, flag_reasons, disabled, account_disabled,"
                                + " account_status_at, updated_at) VALUES (?, 0, NULL, 0, ?, ?, ?)",
                        userId,
                        disabled,
                        when,
                        when)
                == 1) {
            return true;
        }
        return jdbc.update(
                        "UPDATE member_state SET account_disabled = ?, account_status_at = ?, updated_at = ?"
                                + " WHERE user_id = ? AND (account_status_at IS NULL OR account_status_at < ?)",
                        disabled,
                        when,
                        when,
                        userId,
                        when)
                == 1;
    }

    @Override
    public void setDisabled(long userId, boolean disabled, Instant at) {
        Timestamp now = Timestamp.from(at);
        if (jdbc.update(
                        "INSERT IGNORE INTO member_state (user_id, flagged, flag_reasons, disabled, updated_at)"
                                + " VALUES (?, 0, NULL, ?, ?)",
                        userId,
                        disabled,
                        now)
                == 1) {
            return;
        }
        jdbc.update("UPDATE member_state SET disabled = ?, updated_at = ? WHERE user_id = ?", disabled, now, userId);
    }
}
