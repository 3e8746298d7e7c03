package com.fenxiao.withdrawal.tax.adapter.persistence;

import com.fenxiao.withdrawal.tax.domain.TaxHistory;
import com.fenxiao.withdrawal.tax.domain.Withholdings;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWithholdings implements Withholdings {

    private final JdbcTemplate jdbc;

    JdbcWithholdings(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private static int code(YearMonth m) {
        return m.getYear() * 100 + m.getMonthValue();
    }

    @Override
    public TaxHistory historyOf(long promoterId, YearMonth month) {
        int code = code(month);
        long[] sums = new long[4];
        Set<YearMonth> months = new HashSet<>();
        jdbc.query(
                "SELECT tax_month, SUM(income_fen), SUM(tax_fen) FROM tax_withholding"
                        + " WHERE promoter_id = ? AND tax_year = ? AND voided = 0 GROUP BY tax_month",
                rs -> {
                    int m = rs.getInt(1);
                    long income = rs.getLong(2), tax = rs.getLong(3);
                    if (m <= code) {
                        sums[2] += income;
                        sums[3] += tax;
                        if (income > 0 && m < code) {
                            months.add(YearMonth.of(m / 100, m % 100));
                        }
                    }
                    if (m == code) {
                        sums[0] += income;
                        sums[1] += tax;
                    }
                },
                promoterId,
                month.getYear());
        return new TaxHistory(sums[0], sums[1], sums[2], sums[3], Set.copyOf(months));
    }

    @Override
    public void record(
            long withdrawalId,
            long promoterId,
            YearMonth month,
            long incomeFen,
            long taxFen,
            String method,
            Instant at) {
        jdbc.update(
                "INSERT INTO tax_withholding (withdrawal_id, promoter_id, tax_year, tax_month, income_fen, tax_fen,"
                        + " method, voided, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                withdrawalId,
                promoterId,
                month.getYear(),
                code(month),
                incomeFen,
                taxFen,
                method,
                Timestamp.from(at));
    }

    @Override
    public void voidFor(long promoterId, long withdrawalId) {
        jdbc.update(
                "UPDATE tax_withholding SET voided = 1 WHERE promoter_id = ? AND withdrawal_id = ?",
                promoterId,
                withdrawalId);
    }
}
