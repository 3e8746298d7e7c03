package com.fenxiao.withdrawal.request.adapter.persistence;

import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Usage;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import com.fenxiao.withdrawal.request.domain.Withdrawals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWithdrawals implements Withdrawals {

    private static final String COLUMNS =
            "id, promoter_id, idempotency_key, request_hash, channel, amount_fen, fee_fen,"
                    + " tax_fen, net_fen, tax_method, status, first_approver, second_approver, reason, out_bill_no,"
                    + " bill_attempt, bill_state, package_info, bill_created_at, bank_batch, bank_reference, created_at,"
                    + " updated_at, paid_at";
    private static final RowMapper<Withdrawal> ROW = JdbcWithdrawals::map;

    private final JdbcTemplate jdbc;

    JdbcWithdrawals(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Withdrawal map(ResultSet rs, int i) throws SQLException {
        return new Withdrawal(
                rs.getLong("id"),
                rs.getLong("promoter_id"),
                rs.getString("idempotency_key"),
                rs.getString("request_hash"),
                Channel.valueOf(rs.getString("channel")),
                rs.getLong("amount_fen"),
                rs.getLong("fee_fen"),
                rs.getLong("tax_fen"),
                rs.getLong("net_fen"),
                rs.getString("tax_method"),
                WithdrawalStatus.valueOf(rs.getString("status")),
                rs.getObject("first_approver", Long.class),
                rs.getObject("second_approver", Long.class),
                rs.getString("reason"),
                rs.getString("out_bill_no"),
                rs.getInt("bill_attempt"),
                rs.getString("bill_state"),
                rs.getString("package_info"),
                instant(rs, "bill_created_at"),
                rs.getString("bank_batch"),
                rs.getString("bank_reference"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "paid_at"));
    }

    @Override
    public void insert(Withdrawal w) {
        jdbc.update(
                "INSERT INTO withdrawal (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?," + " ?, ?, ?, ?, ?)",
                w.id(),
                w.promoterId(),
                w.idempotencyKey(),
                w.requestHash(),
                w.channel().name(),
                w.amountFen(),
                w.feeFen(),
                w.taxFen(),
                w.netFen(),
                w.taxMethod(),
                w.status().name(),
                w.firstApprover(),
                w.secondApprover(),
                w.reason(),
                w.outBillNo(),
                w.billAttempt(),
                w.billState(),
                w.packageInfo(),
                ts(w.billCreatedAt()),
                w.bankBatch(),
                w.bankReference(),
                ts(w.createdAt()),
                ts(w.updatedAt()),
                ts(w.paidAt()));
    }

    @Override
    public Optional<Withdrawal> byKey(long promoterId, String key) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM withdrawal WHERE promoter_id = ? AND idempotency_key = ?",
                        ROW,
                        promoterId,
                        key)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Withdrawal> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM withdrawal WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    @Override
    public Optional<Withdrawal> of(long promoterId, long id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM withdrawal WHERE promoter_id = ? AND id = ?", ROW, promoterId, id)
                .stream()
                .findFirst();
    }

    @Override
    public List<Withdrawal> listOf(long promoterId, Long beforeId, int size) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM withdrawal WHERE promoter_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                ROW,
                promoterId,
                beforeId == null ? Long.MAX_VALUE : beforeId,
                size);
    }

    @Override
    public List<Withdrawal> withStatus(WithdrawalStatus status, Channel channel, Long beforeId, int size) {
        List<Object> args = new ArrayList<>(List.of(status.name(), beforeId == null ? Long.MAX_VALUE : beforeId));
        String byChannel = "";
        if (channel != null) {
            byChannel = " AND channel = ?";
            args.add(channel.name());
        }
        args.add(size);
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM withdrawal WHERE status = ? AND id < ?" + byChannel
                        + " ORDER BY id DESC LIMIT ?",
                ROW,
                args.toArray());
    }

    @Override
    public Usage usage(long promoterId, Instant dayStart, Instant monthStart) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(CASE WHEN created_at >= ? THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(CASE WHEN created_at >= ? THEN amount_fen ELSE 0 END), 0),"
                        + " COALESCE(SUM(amount_fen), 0) FROM withdrawal"
                        + " WHERE promoter_id = ? AND created_at >= ? AND status NOT IN ('REJECTED', 'FAILED')",
                (rs, i) -> new Usage(rs.getInt(1), rs.getLong(2), rs.getLong(3)),
                ts(dayStart),
                ts(dayStart),
                promoterId,
                ts(monthStart.isBefore(dayStart) ? monthStart : dayStart));
    }

    @Override
    public boolean update(Withdrawal w, WithdrawalStatus expected) {
        return jdbc.update(
                        "UPDATE withdrawal SET status = ?, first_approver = ?, second_approver = ?, reason = ?,"
                                + " out_bill_no = ?, bill_attempt = ?, bill_state = ?, package_info = ?,"
                                + " bill_created_at = ?, bank_batch = ?, bank_reference = ?, updated_at = ?, paid_at = ?"
                                + " WHERE promoter_id = ? AND id = ? AND status = ?",
                        w.status().name(),
                        w.firstApprover(),
                        w.secondApprover(),
                        w.reason(),
                        w.outBillNo(),
                        w.billAttempt(),
                        w.billState(),
                        w.packageInfo(),
                        ts(w.billCreatedAt()),
                        w.bankBatch(),
                        w.bankReference(),
                        ts(w.updatedAt()),
                        ts(w.paidAt()),
                        w.promoterId(),
                        w.id(),
                        expected.name())
                == 1;
    }
}
