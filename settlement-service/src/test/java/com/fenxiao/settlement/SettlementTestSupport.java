package com.fenxiao.settlement;

import com.fenxiao.testing.TestClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared by settlement ITs and the benchmark: a movable clock and bulk seeding of due commissions. */
public final class SettlementTestSupport {

    private SettlementTestSupport() {}

    public static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    public static class MovableClock {
        @Bean
        public TestClock testClock() {
            return new TestClock(T0);
        }
    }

    /**
     * Inserts {@code count} known, pending, completed commissions due at {@code dueAt}, ids
     * {@code firstId …}, spread over {@code promoters} promoters starting at {@code firstPromoter}, in
     * multi-row statements through the sharding layer.
     */
    public static void seedDue(
            DataSource dataSource,
            long firstId,
            int count,
            long firstPromoter,
            int promoters,
            long amountFen,
            Instant dueAt,
            String orderPrefix) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Timestamp completed = Timestamp.from(dueAt.minusSeconds(60));
        Timestamp paid = Timestamp.from(dueAt.minusSeconds(3600));
        int chunk = 500;
        for (int from = 0; from < count; from += chunk) {
            int n = Math.min(chunk, count - from);
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO settlement_commission (id, promoter_id, order_id, level, known, status, amount_fen,"
                            + " products, paid_at, completed_at, due_at_ms, source_version, created_at, updated_at)"
                            + " VALUES ");
            List<Object> args = new ArrayList<>(n * 12);
            for (int i = 0; i < n; i++) {
                long id = firstId + from + i;
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, 1, 1, 'PENDING', ?, ?, ?, ?, ?, 2, ?, ?)");
                args.add(id);
                args.add(firstPromoter + (id % promoters));
                args.add(orderPrefix + id);
                args.add(amountFen);
                args.add("{\"P1\":" + amountFen + "}");
                args.add(paid);
                args.add(completed);
                args.add(dueAt.toEpochMilli());
                args.add(paid);
                args.add(paid);
            }
            jdbc.update(sql.toString(), args.toArray());
        }
    }
}
