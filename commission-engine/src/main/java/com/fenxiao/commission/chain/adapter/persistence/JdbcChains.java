package com.fenxiao.commission.chain.adapter.persistence;

import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.chain.domain.Chains;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcChains implements Chains {

    private final JdbcTemplate jdbc;

    JdbcChains(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Optional<Chain> of(long userId) {
        return jdbc
                .query(
                        "SELECT user_id, inviter_id, inviter_l2_id, as_of FROM buyer_chain WHERE user_id = ?",
                        (rs, i) -> new Chain(
                                rs.getLong(1),
                                (Long) rs.getObject(2, Long.class),
                                (Long) rs.getObject(3, Long.class),
                                rs.getTimestamp(4).toInstant()),
                        userId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean putIfNewer(Chain chain) {
        Timestamp asOf = Timestamp.from(chain.asOf());
        int inserted = jdbc.update(
                "INSERT IGNORE INTO buyer_chain (user_id, inviter_id, inviter_l2_id, as_of) VALUES (?, ?, ?, ?)",
                chain.userId(),
                chain.inviterId(),
                chain.inviterL2Id(),
                asOf);
        if (inserted == 1) {
            return true;
        }
        return jdbc.update(
                        "UPDATE buyer_chain SET inviter_id = ?, inviter_l2_id = ?, as_of = ? WHERE user_id = ? AND as_of < ?",
                        chain.inviterId(),
                        chain.inviterL2Id(),
                        asOf,
                        chain.userId(),
                        asOf)
                == 1;
    }
}
