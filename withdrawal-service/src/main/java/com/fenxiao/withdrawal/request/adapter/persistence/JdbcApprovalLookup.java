package com.fenxiao.withdrawal.request.adapter.persistence;

import com.fenxiao.withdrawal.request.domain.ApprovalLookup;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the shared approval_request table (shard key 0, index idx_approval_target). */
@Repository
class JdbcApprovalLookup implements ApprovalLookup {

    private final JdbcTemplate jdbc;

    JdbcApprovalLookup(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Optional<Long> latestFor(String kind, String target) {
        return jdbc
                .queryForList(
                        "SELECT id FROM approval_request WHERE shard_key = 0 AND kind = ? AND target = ?"
                                + " ORDER BY id DESC LIMIT 1",
                        Long.class,
                        kind,
                        target)
                .stream()
                .findFirst();
    }
}
