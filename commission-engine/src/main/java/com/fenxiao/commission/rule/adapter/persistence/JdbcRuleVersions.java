package com.fenxiao.commission.rule.adapter.persistence;

import com.fenxiao.commission.rule.domain.RuleScope;
import com.fenxiao.commission.rule.domain.RuleVersion;
import com.fenxiao.commission.rule.domain.RuleVersions;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Rule versions live in the first database (shard key 0); the table stays small (one row per change). */
@Repository
class JdbcRuleVersions implements RuleVersions {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcRuleVersions(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @Override
    public List<RuleVersion> all() {
        return jdbc.query(
                "SELECT id, scope, scope_id, level1_bp, level2_bp, level2_enabled, commissionable, qualification,"
                        + " effective_from, approval_id FROM commission_rule WHERE shard_key = 0 ORDER BY id",
                (rs, i) -> new RuleVersion(
                        rs.getLong(1),
                        RuleScope.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, Integer.class),
                        rs.getObject(5, Integer.class),
                        rs.getObject(6, Boolean.class),
                        rs.getBoolean(7),
                        rs.getBoolean(8),
                        rs.getTimestamp(9).toInstant(),
                        rs.getObject(10, Long.class)));
    }

    @Override
    public long latestId() {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM commission_rule WHERE shard_key = 0", Long.class);
        return max == null ? 0 : max;
    }

    @Override
    public void add(RuleVersion v) {
        jdbc.update(
                "INSERT INTO commission_rule (id, shard_key, scope, scope_id, level1_bp, level2_bp, level2_enabled,"
                        + " commissionable, qualification, effective_from, approval_id, created_at)"
                        + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.id(),
                v.scope().name(),
                v.scopeId(),
                v.level1Bp(),
                v.level2Bp(),
                v.level2Enabled(),
                v.commissionable(),
                v.qualification(),
                Timestamp.from(v.effectiveFrom()),
                v.approvalId(),
                Timestamp.from(clock.instant()));
    }
}
