package com.fenxiao.relation.relation.adapter.persistence;

import com.fenxiao.common.shard.Shards;
import com.fenxiao.relation.relation.domain.BindChannel;
import com.fenxiao.relation.relation.domain.BindingRules;
import com.fenxiao.relation.relation.domain.InviterGraph;
import com.fenxiao.relation.relation.domain.Relations;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The guarded SQL of binding. {@code LOCK IN SHARE MODE} (accepted by MySQL 8 and MariaDB) reads the
 * latest committed row and keeps it from changing until commit; {@code FOR UPDATE} serialises writers
 * of one member.
 */
@Repository
class JdbcRelations implements Relations {

    private final JdbcTemplate jdbc;

    JdbcRelations(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Optional<Bound> lockMember(long userId) {
        return jdbc
                .query(
                        "SELECT id, inviter_id, inviter_l2_id, bound_at, bind_channel, self_unbind_used"
                                + " FROM member WHERE id = ? FOR UPDATE",
                        (rs, i) -> new Bound(
                                rs.getLong(1),
                                rs.getObject(2, Long.class),
                                rs.getObject(3, Long.class),
                                rs.getTimestamp(4) == null
                                        ? null
                                        : rs.getTimestamp(4).toInstant(),
                                rs.getString(5),
                                rs.getBoolean(6),
                                false),
                        userId)
                .stream()
                .findFirst()
                .map(b -> new Bound(
                        b.userId(),
                        b.inviterId(),
                        b.inviterL2Id(),
                        b.boundAt(),
                        b.channel(),
                        b.selfUnbindUsed(),
                        hasPaidOrder(userId)));
    }

    @Override
    public Optional<BindingRules.CodeOwner> codeOwner(String normalisedCode) {
        return jdbc
                .query(
                        "SELECT id, status, inviter_id FROM member WHERE invite_code = ? LOCK IN SHARE MODE",
                        (rs, i) -> new BindingRules.CodeOwner(
                                rs.getLong(1), "ACTIVE".equals(rs.getString(2)), rs.getObject(3, Long.class)),
                        normalisedCode)
                .stream()
                .findFirst();
    }

    @Override
    public InviterGraph lockingGraph() {
        return memberId -> {
            List<Long> inviter = jdbc.query(
                    "SELECT inviter_id FROM member WHERE id = ? LOCK IN SHARE MODE",
                    (rs, i) -> rs.getObject(1, Long.class),
                    memberId);
            return inviter.isEmpty() ? null : inviter.get(0);
        };
    }

    @Override
    public boolean hasPaidOrder(long userId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM paid_buyer WHERE user_id = ? LOCK IN SHARE MODE", Integer.class, userId)
                .isEmpty();
    }

    @Override
    public boolean bindIfUnbound(long userId, long inviterId, Long inviterL2Id, BindChannel channel, Instant at) {
        Timestamp now = Timestamp.from(at);
        return jdbc.update(
                        "UPDATE member SET inviter_id = ?, inviter_l2_id = ?, bound_at = ?, bind_channel = ?,"
                                + " version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND inviter_id IS NULL"
                                + " AND NOT EXISTS (SELECT 1 FROM paid_buyer p WHERE p.user_id = ?)",
                        inviterId,
                        inviterL2Id,
                        now,
                        channel.name(),
                        now,
                        userId,
                        userId)
                == 1;
    }

    @Override
    public boolean unbindIfBoundTo(long userId, long expectedInviterId, boolean selfService, Instant at) {
        return jdbc.update(
                        "UPDATE member SET inviter_id = NULL, inviter_l2_id = NULL, bound_at = NULL, bind_channel = NULL,"
                                + " self_unbind_used = (self_unbind_used OR ?), version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND inviter_id = ?",
                        selfService,
                        Timestamp.from(at),
                        userId,
                        expectedInviterId)
                == 1;
    }

    @Override
    public List<Invitee> lockInvitees(long inviterId) {
        return jdbc.query(
                "SELECT id, bind_channel FROM member WHERE inviter_id = ? ORDER BY id FOR UPDATE",
                (rs, i) -> new Invitee(rs.getLong(1), rs.getString(2)),
                inviterId);
    }

    @Override
    public int setUplineOfInvitees(long inviterId, Long inviterL2Id, Instant at) {
        return jdbc.update(
                "UPDATE member SET inviter_l2_id = ?, version = version + 1, updated_at = ? WHERE inviter_id = ?",
                inviterL2Id,
                Timestamp.from(at),
                inviterId);
    }

    @Override
    public boolean recordPaidOrder(long userId, String orderId, Instant paidAt, Instant now) {
        return jdbc.update(
                        "INSERT IGNORE INTO paid_buyer (user_id, first_order_id, first_paid_at, recorded_at)"
                                + " VALUES (?, ?, ?, ?)",
                        userId,
                        orderId,
                        Timestamp.from(paidAt),
                        Timestamp.from(now))
                == 1;
    }

    @Override
    public void recordPaidAll(List<PaidOrder> orders, Instant now) {
        Timestamp recorded = Timestamp.from(now);
        for (List<PaidOrder> chunk : Shards.chunks(orders)) {
            List<Object> args = new ArrayList<>(chunk.size() * 4);
            for (PaidOrder o : chunk) {
                args.add(o.userId());
                args.add(o.orderId());
                args.add(Timestamp.from(o.paidAt()));
                args.add(recorded);
            }
            jdbc.update(
                    "INSERT IGNORE INTO paid_buyer (user_id, first_order_id, first_paid_at, recorded_at) VALUES "
                            + Shards.rows(chunk.size(), 4),
                    args.toArray());
        }
    }
}
