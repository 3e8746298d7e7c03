package com.fenxiao.withdrawal.identity.adapter.persistence;

import com.fenxiao.withdrawal.identity.domain.Identities;
import com.fenxiao.withdrawal.identity.domain.Identity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code member_identity} is sharded by member, {@code identity_claim} by the keyed hash (so its primary
 * key is unique across the platform: every row of one hash lands in one physical table).
 */
@Repository
class JdbcIdentities implements Identities {

    private final JdbcTemplate jdbc;

    JdbcIdentities(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Optional<Identity> of(long memberId) {
        return jdbc
                .query(
                        "SELECT masked_name, masked_id_number, verified_at FROM member_identity WHERE member_id = ?",
                        (rs, i) -> new Identity(
                                memberId,
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant()),
                        memberId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<String> idHashOf(long memberId) {
        return jdbc
                .queryForList("SELECT id_hash FROM member_identity WHERE member_id = ?", String.class, memberId)
                .stream()
                .findFirst();
    }

    @Override
    public long claim(String idHash, long memberId, Instant at) {
        jdbc.update(
                "INSERT IGNORE INTO identity_claim (id_hash, member_id, claimed_at) VALUES (?, ?, ?)",
                idHash,
                memberId,
                Timestamp.from(at));
        return jdbc.queryForObject("SELECT member_id FROM identity_claim WHERE id_hash = ?", Long.class, idHash);
    }

    @Override
    public void save(
            long memberId,
            String encryptedName,
            String encryptedIdNumber,
            String idHash,
            String maskedName,
            String maskedIdNumber,
            Instant at) {
        jdbc.update(
                "INSERT IGNORE INTO member_identity (member_id, real_name_enc, id_number_enc, id_hash, masked_name,"
                        + " masked_id_number, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                memberId,
                encryptedName,
                encryptedIdNumber,
                idHash,
                maskedName,
                maskedIdNumber,
                Timestamp.from(at));
    }

    @Override
    public Optional<String> encryptedNameOf(long memberId) {
        return jdbc
                .queryForList("SELECT real_name_enc FROM member_identity WHERE member_id = ?", String.class, memberId)
                .stream()
                .findFirst();
    }
}
