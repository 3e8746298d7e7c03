package com.fenxiao.relation.staffaccount.adapter.persistence;

import com.fenxiao.common.security.StaffRole;
import com.fenxiao.relation.staffaccount.domain.StaffAccount;
import com.fenxiao.relation.staffaccount.domain.StaffAccounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStaffAccounts implements StaffAccounts {

    private static final String COLUMNS =
            "id, username, password_hash, roles, disabled, password_changed_at, created_at, updated_at";

    private final JdbcTemplate jdbc;

    JdbcStaffAccounts(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public boolean add(StaffAccount a) {
        try {
            jdbc.update(
                    "INSERT INTO staff_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    a.id(),
                    a.username(),
                    a.passwordHash(),
                    roles(a.roles()),
                    a.disabled(),
                    Timestamp.from(a.passwordChangedAt()),
                    Timestamp.from(a.createdAt()),
                    Timestamp.from(a.updatedAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void save(StaffAccount a) {
        jdbc.update(
                "UPDATE staff_account SET password_hash = ?, roles = ?, disabled = ?, password_changed_at = ?,"
                        + " updated_at = ? WHERE id = ?",
                a.passwordHash(),
                roles(a.roles()),
                a.disabled(),
                Timestamp.from(a.passwordChangedAt()),
                Timestamp.from(a.updatedAt()),
                a.id());
    }

    @Override
    public Optional<StaffAccount> byUsername(String username) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM staff_account WHERE username = ?", JdbcStaffAccounts::map, username)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<StaffAccount> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM staff_account WHERE id = ?", JdbcStaffAccounts::map, id).stream()
                .findFirst();
    }

    @Override
    public Optional<StaffAccount> lock(long id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM staff_account WHERE id = ? FOR UPDATE", JdbcStaffAccounts::map, id)
                .stream()
                .findFirst();
    }

    @Override
    public int lockActiveAdmins() {
        return jdbc.queryForList(
                        "SELECT id FROM staff_account WHERE disabled = 0 AND FIND_IN_SET('ADMIN', roles) > 0"
                                + " FOR UPDATE",
                        Long.class)
                .size();
    }

    @Override
    public List<StaffAccount> list(Long afterId, int size) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM staff_account WHERE id > ? ORDER BY id LIMIT ?",
                JdbcStaffAccounts::map,
                afterId == null ? Long.MIN_VALUE : afterId,
                size);
    }

    private static String roles(Set<StaffRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static StaffAccount map(ResultSet rs, int row) throws SQLException {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        String stored = rs.getString("roles");
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(","))
                    .map(String::strip)
                    .map(StaffRole::valueOf)
                    .forEach(roles::add);
        }
        return new StaffAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                roles,
                rs.getBoolean("disabled"),
                rs.getTimestamp("password_changed_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
