package com.fenxiao.withdrawal.export.adapter.persistence;

import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.withdrawal.export.domain.ExportReads;
import com.fenxiao.withdrawal.export.domain.LedgerLine;
import com.fenxiao.withdrawal.export.domain.TaxLine;
import com.fenxiao.withdrawal.export.domain.WithdrawalLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The export reads, on each physical table directly (beside the sharding layer, which would gather
 * whole result sets to merge them): every table is read in keyset pages along an index, and the
 * tables are merged into one ordered stream. Memory holds one page per physical table.
 */
@Repository
class JdbcExportReads implements ExportReads {

    static final int PAGE = 500;

    private static final Comparator<LedgerLine> LEDGER_ORDER =
            Comparator.comparing(LedgerLine::at).thenComparingLong(LedgerLine::entryId);
    private static final Comparator<WithdrawalLine> WITHDRAWAL_ORDER =
            Comparator.comparing(WithdrawalLine::requestedAt).thenComparingLong(WithdrawalLine::id);
    private static final Comparator<TaxLine> TAX_ORDER =
            Comparator.comparing(TaxLine::month).thenComparingLong(TaxLine::promoterId);

    private final List<JdbcTemplate> databases = new ArrayList<>();
    private final int tables;

    JdbcExportReads(PhysicalDatabases physical) {
        for (DataSource ds : physical.byName().values()) {
            databases.add(new JdbcTemplate(ds));
        }
        this.tables = physical.tablesPerDatabase();
    }

    @Override
    public void ledger(Instant from, Instant to, Consumer<LedgerLine> sink) {
        KeysetMerge.run(
                perTable(t -> (last, limit) -> t.jdbc.query(
                        "SELECT id, promoter_id, created_at, entry_type, source_key, amount_fen, pending_delta,"
                                + " available_delta, frozen_delta, withdrawn_delta, debt_delta FROM wallet_ledger_"
                                + t.index
                                + " WHERE (created_at > ? OR (created_at = ? AND id > ?)) AND created_at < ?"
                                + " ORDER BY created_at, id LIMIT ?",
                        (rs, i) -> new LedgerLine(
                                rs.getLong(1),
                                rs.getLong(2),
                                instant(rs, 3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getLong(8),
                                rs.getLong(9),
                                rs.getLong(10),
                                rs.getLong(11)),
                        ts(last == null ? from : last.at()),
                        ts(last == null ? from : last.at()),
                        last == null ? Long.MIN_VALUE : last.entryId(),
                        ts(to),
                        limit)),
                LEDGER_ORDER,
                PAGE,
                sink);
    }

    @Override
    public void withdrawals(Instant from, Instant to, Consumer<WithdrawalLine> sink) {
        KeysetMerge.run(
                perTable(t -> (last, limit) -> t.jdbc.query(
                        "SELECT id, promoter_id, channel, amount_fen, fee_fen, tax_fen, net_fen, tax_method, status,"
                                + " created_at, paid_at, bank_reference, out_bill_no FROM withdrawal_"
                                + t.index
                                + " WHERE (created_at > ? OR (created_at = ? AND id > ?)) AND created_at < ?"
                                + " ORDER BY created_at, id LIMIT ?",
                        (rs, i) -> new WithdrawalLine(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getString(8),
                                rs.getString(9),
                                instant(rs, 10),
                                instant(rs, 11),
                                rs.getString(12),
                                rs.getString(13)),
                        ts(last == null ? from : last.requestedAt()),
                        ts(last == null ? from : last.requestedAt()),
                        last == null ? Long.MIN_VALUE : last.id(),
                        ts(to),
                        limit)),
                WITHDRAWAL_ORDER,
                PAGE,
                sink);
    }

    /**
     * The identity is joined from the {@code member_identity} table with the same suffix: both tables
     * are sharded by the member's numeric id with the one routing rule (ShardRouting), so a member's
     * withholdings and identity always sit in the same database and table number. Only the masked
     * columns are selected; the encrypted ones never leave the database here.
     */
    @Override
    public void taxMonths(YearMonth from, YearMonth to, Consumer<TaxLine> sink) {
        KeysetMerge.run(
                perTable(t -> (last, limit) -> t.jdbc.query(
                        "SELECT w.tax_month, w.promoter_id, SUM(w.income_fen), SUM(w.tax_fen), COUNT(*),"
                                + " GROUP_CONCAT(DISTINCT w.method ORDER BY w.method SEPARATOR ','),"
                                + " MAX(i.masked_name), MAX(i.masked_id_number)"
                                + " FROM tax_withholding_" + t.index + " w"
                                + " LEFT JOIN member_identity_" + t.index + " i ON i.member_id = w.promoter_id"
                                + " WHERE w.voided = 0 AND (w.tax_month > ? OR (w.tax_month = ? AND w.promoter_id > ?))"
                                + " AND w.tax_month <= ?"
                                + " GROUP BY w.tax_month, w.promoter_id ORDER BY w.tax_month, w.promoter_id LIMIT ?",
                        (rs, i) -> new TaxLine(
                                month(rs.getInt(1)),
                                rs.getLong(2),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getInt(5),
                                rs.getString(6)),
                        code(last == null ? from : last.month()),
                        code(last == null ? from : last.month()),
                        last == null ? Long.MIN_VALUE : last.promoterId(),
                        code(to),
                        limit)),
                TAX_ORDER,
                PAGE,
                sink);
    }

    private record Table(JdbcTemplate jdbc, int index) {}

    private <T> List<KeysetMerge.PagedSource<T>> perTable(Function<Table, KeysetMerge.PagedSource<T>> source) {
        List<KeysetMerge.PagedSource<T>> out = new ArrayList<>();
        for (JdbcTemplate jdbc : databases) {
            for (int t = 0; t < tables; t++) {
                out.add(source.apply(new Table(jdbc, t)));
            }
        }
        return out;
    }

    /** {@code tax_month} is stored as yyyyMM. */
    private static int code(YearMonth m) {
        return m.getYear() * 100 + m.getMonthValue();
    }

    private static YearMonth month(int code) {
        return YearMonth.of(code / 100, code % 100);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
