package com.fenxiao.relation.agreement.adapter.persistence;

import com.fenxiao.relation.agreement.domain.AgreementVersion;
import com.fenxiao.relation.agreement.domain.AgreementVersions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code agreement_version} (one row per version, the text as newline-separated paragraphs) and acceptances. */
@Repository
class JdbcAgreementVersions implements AgreementVersions {

    private static final String COLUMNS = "version, title, body, effective_at";

    private final JdbcTemplate jdbc;

    JdbcAgreementVersions(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Optional<AgreementVersion> current(Instant now) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM agreement_version WHERE effective_at <= ?"
                                + " ORDER BY effective_at DESC, version DESC LIMIT 1",
                        JdbcAgreementVersions::version,
                        Timestamp.from(now))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<AgreementVersion> byVersion(String version) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM agreement_version WHERE version = ?",
                        JdbcAgreementVersions::version,
                        version)
                .stream()
                .findFirst();
    }

    @Override
    public List<Acceptance> acceptancesOf(long userId) {
        return jdbc.query(
                "SELECT version, accepted_at FROM agreement_acceptance WHERE user_id = ?",
                (rs, i) -> new Acceptance(rs.getString(1), rs.getTimestamp(2).toInstant()),
                userId);
    }

    private static AgreementVersion version(ResultSet rs, int row) throws SQLException {
        return new AgreementVersion(
                rs.getString("version"),
                rs.getString("title"),
                rs.getString("body").lines().filter(l -> !l.isBlank()).toList(),
                rs.getTimestamp("effective_at").toInstant());
    }
}
