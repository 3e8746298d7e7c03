package com.fenxiao.withdrawal.request.adapter.persistence;

import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalHistory;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Called inside the transaction of the step it records; each entry hashes the previous one of its withdrawal. */
@Repository
class JdbcWithdrawalHistory implements WithdrawalHistory {

    private final JdbcTemplate jdbc;
    private final IdGenerator ids;

    JdbcWithdrawalHistory(DataSource dataSource, IdGenerator ids) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ids = ids;
    }

    @Override
    public void append(
            Withdrawal w,
            String actor,
            String action,
            WithdrawalStatus from,
            WithdrawalStatus to,
            String reason,
            Instant at) {
        String prev = jdbc
                .queryForList(
                        "SELECT entry_hash FROM withdrawal_audit WHERE promoter_id = ? AND withdrawal_id = ?"
                                + " ORDER BY id DESC LIMIT 1",
                        String.class,
                        w.promoterId(),
                        w.id())
                .stream()
                .findFirst()
                .orElse(null);
        String entry = String.join(
                "|",
                String.valueOf(prev),
                Long.toString(w.id()),
                actor,
                action,
                String.valueOf(from),
                String.valueOf(to),
                String.valueOf(reason),
                at.toString());
        jdbc.update(
                "INSERT INTO withdrawal_audit (id, withdrawal_id, promoter_id, actor, action, from_status, to_status,"
                        + " reason, at, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ids.nextId(),
                w.id(),
                w.promoterId(),
                actor,
                action,
                from == null ? null : from.name(),
                to == null ? null : to.name(),
                reason,
                Timestamp.from(at),
                prev,
                sha256(entry));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
