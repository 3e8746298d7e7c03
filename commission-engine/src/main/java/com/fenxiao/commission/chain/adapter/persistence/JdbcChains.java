package com.fenxiao.commission.chain.adapter.persistence;

import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.chain.domain.Chains;
import com.fenxiao.commission.persistence.ShardedLookups;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcChains implements Chains {

    private static final String COLUMNS = "SELECT user_id, inviter_id, inviter_l2_id, as_of, nickname FROM buyer_chain";

    private final JdbcTemplate jdbc;

    private final ShardedLookups lookups;

    JdbcChains(DataSource dataSource, ShardedLookups lookups) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.lookups = lookups;
    }

    @Override
    public Optional<Chain> of(long userId) {
        return jdbc.query(COLUMNS + " WHERE user_id = ?", (rs, i) -> read(rs), userId).stream()
                .findFirst();
    }

    @Override
    public Map<Long, Chain> ofAll(Collection<Long> userIds) {
        Map<Long, Chain> out = new HashMap<>();
        lookups.query(
                "SELECT user_id, inviter_id, inviter_l2_id, as_of, nickname FROM buyer_chain_",
                "user_id",
                userIds,
                rs -> {
                    Chain c = read(rs);
                    out.put(c.userId(), c);
                });
        return out;
    }

    private static Chain read(ResultSet rs) throws SQLException {
        return new Chain(
                rs.getLong(1),
                rs.getObject(2, Long.class),
                rs.getObject(3, Long.class),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5));
    }

    @Override
    public boolean putIfNewer(Chain chain) {
        Timestamp asOf = Timestamp.from(chain.asOf());
        int inserted = jdbc.update(
                "INSERT IGNORE INTO buyer_chain (user_id, inviter_id, inviter_l2_id, as_of, nickname)"
                        + " VALUES (?, ?, ?, ?, ?)",
                chain.userId(),
                chain.inviterId(),
                chain.inviterL2Id(),
                asOf,
                chain.maskedNickname());
        if (inserted == 1) {
            return true;
        }
        return jdbc.update(
                        // an announcement without a nickname (an upline change) keeps the one stored
                        "UPDATE buyer_chain SET inviter_id = ?, inviter_l2_id = ?, as_of = ?,"
                                + " nickname = COALESCE(?, nickname) WHERE user_id = ? AND as_of < ?",
                        chain.inviterId(),
                        chain.inviterL2Id(),
                        asOf,
                        chain.maskedNickname(),
                        chain.userId(),
                        asOf)
                == 1;
    }
}
