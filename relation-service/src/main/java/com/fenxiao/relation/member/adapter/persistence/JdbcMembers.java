package com.fenxiao.relation.member.adapter.persistence;

import com.fenxiao.relation.member.domain.Member;
import com.fenxiao.relation.member.domain.MemberStatus;
import com.fenxiao.relation.member.domain.Members;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMembers implements Members {

    static final String COLUMNS = "id, openid, invite_code, nickname, status, inviter_id, inviter_l2_id, bound_at,"
            + " bind_channel, self_unbind_used, risk_flags, device_id, register_ip, created_at";

    private final JdbcTemplate jdbc;

    JdbcMembers(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Optional<Member> byId(long id) {
        return one("SELECT " + COLUMNS + " FROM member WHERE id = ?", id);
    }

    @Override
    public Optional<Member> byOpenid(String openid) {
        return one("SELECT " + COLUMNS + " FROM member WHERE openid = ?", openid);
    }

    @Override
    public Optional<Member> byInviteCode(String normalisedCode) {
        return one("SELECT " + COLUMNS + " FROM member WHERE invite_code = ?", normalisedCode);
    }

    @Override
    public void add(NewMember m) {
        Timestamp at = Timestamp.from(m.at());
        try {
            jdbc.update(
                    "INSERT INTO member (id, openid, invite_code, nickname, status, device_id, register_ip,"
                            + " agreement_version, agreement_accepted_at, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)",
                    m.id(),
                    m.openid(),
                    m.inviteCode(),
                    m.nickname(),
                    m.deviceId(),
                    m.ip(),
                    m.agreementVersion(),
                    at,
                    at,
                    at);
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            throw new DuplicateMember(!message.contains("uk_member_invite_code"));
        }
    }

    @Override
    public boolean acceptAgreement(long id, long userId, String version, String ip, Instant at) {
        return jdbc.update(
                        "INSERT IGNORE INTO agreement_acceptance (id, user_id, version, ip, accepted_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        id,
                        userId,
                        version,
                        ip,
                        Timestamp.from(at))
                == 1;
    }

    @Override
    public boolean setStatus(long userId, MemberStatus from, MemberStatus to, Instant at) {
        return jdbc.update(
                        "UPDATE member SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = ?",
                        to.name(),
                        Timestamp.from(at),
                        userId,
                        from.name())
                == 1;
    }

    private Optional<Member> one(String sql, Object arg) {
        return jdbc.query(sql, JdbcMembers::map, arg).stream().findFirst();
    }

    static Member map(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getLong("id"),
                rs.getString("openid"),
                rs.getString("invite_code"),
                rs.getString("nickname"),
                MemberStatus.valueOf(rs.getString("status")),
                rs.getObject("inviter_id", Long.class),
                rs.getObject("inviter_l2_id", Long.class),
                instant(rs.getTimestamp("bound_at")),
                rs.getString("bind_channel"),
                rs.getBoolean("self_unbind_used"),
                flags(rs.getString("risk_flags")),
                rs.getString("device_id"),
                rs.getString("register_ip"),
                instant(rs.getTimestamp("created_at")));
    }

    static List<String> flags(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.asList(column.split(","));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
