package com.fenxiao.settlement.release.adapter.persistence;

import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.settlement.release.domain.ReleaseRuns;
import com.fenxiao.settlement.release.domain.ReleaseShard;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Run records and the operations figures, read per physical database and combined here. */
@Repository
class JdbcReleaseRuns implements ReleaseRuns {

    private final JdbcTemplate logical;
    private final List<JdbcTemplate> physical = new ArrayList<>();
    private final int tables;
    private final IdGenerator ids;

    JdbcReleaseRuns(DataSource dataSource, PhysicalDatabases databases, IdGenerator ids) {
        this.logical = new JdbcTemplate(dataSource);
        databases.byName().values().forEach(ds -> physical.add(new JdbcTemplate(ds)));
        this.tables = databases.tablesPerDatabase();
        this.ids = ids;
    }

    @Override
    public long started(ReleaseShard shard, String instance, String trigger, Instant at) {
        long id = ids.nextId();
        logical.update(
                "INSERT INTO release_run (id, shard_key, shard, instance, trigger_by, started_at, outcome)"
                        + " VALUES (?, 0, ?, ?, ?, ?, 'RUNNING')",
                id,
                shard.key(),
                instance,
                trigger,
                Timestamp.from(at));
        return id;
    }

    @Override
    public void finished(long runId, int released, int held, String outcome, String error, Instant at) {
        logical.update(
                "UPDATE release_run SET finished_at = ?, released = ?, held = ?, outcome = ?, error = ?"
                        + " WHERE shard_key = 0 AND id = ?",
                Timestamp.from(at),
                released,
                held,
                outcome,
                error == null ? null : error.substring(0, Math.min(500, error.length())),
                runId);
    }

    @Override
    public List<Run> recent(int limit) {
        return logical.query(
                "SELECT id, shard, instance, trigger_by, started_at, finished_at, released, held, outcome, error"
                        + " FROM release_run WHERE shard_key = 0 ORDER BY started_at DESC, id DESC LIMIT ?",
                (rs, i) -> new Run(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getString(9),
                        rs.getString(10)),
                limit);
    }

    @Override
    public List<DayCount> releasedPerDay(LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> days = new TreeMap<>(Comparator.reverseOrder());
        eachTable((jdbc, table) -> jdbc.query(
                "SELECT released_day, COUNT(*), COALESCE(SUM(settled_fen), 0) FROM " + table
                        + " WHERE released_day BETWEEN ? AND ? GROUP BY released_day",
                rs -> {
                    long[] sum = days.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new long[2]);
                    sum[0] += rs.getLong(2);
                    sum[1] += rs.getLong(3);
                },
                Date.valueOf(from),
                Date.valueOf(to)));
        List<DayCount> out = new ArrayList<>();
        days.forEach((day, sum) -> out.add(new DayCount(day, sum[0], sum[1])));
        return out;
    }

    @Override
    public Due dueNow(Instant now) {
        return sum(" WHERE status = 'PENDING' AND known = 1 AND held = 0 AND due_at_ms <= " + now.toEpochMilli(), true);
    }

    @Override
    public Due held() {
        return sum(" WHERE held = 1 AND status IN ('PENDING', 'SETTLED')", false);
    }

    private Due sum(String where, boolean oldest) {
        long[] total = new long[2];
        Long[] min = new Long[1];
        eachTable((jdbc, table) -> jdbc.query(
                "SELECT COUNT(*), COALESCE(SUM(amount_fen), 0), MIN(due_at_ms) FROM " + table + where, rs -> {
                    total[0] += rs.getLong(1);
                    total[1] += rs.getLong(2);
                    long m = rs.getLong(3);
                    if (!rs.wasNull() && (min[0] == null || m < min[0])) {
                        min[0] = m;
                    }
                }));
        return new Due(total[0], total[1], oldest ? min[0] : null);
    }

    private interface TableVisit {
        void visit(JdbcTemplate jdbc, String table);
    }

    private void eachTable(TableVisit visit) {
        for (JdbcTemplate jdbc : physical) {
            for (int t = 0; t < tables; t++) {
                visit.visit(jdbc, "settlement_commission_" + t);
            }
        }
    }
}
