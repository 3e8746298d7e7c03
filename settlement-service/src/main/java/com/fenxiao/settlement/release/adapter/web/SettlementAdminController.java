package com.fenxiao.settlement.release.adapter.web;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.common.web.RequestIds;
import com.fenxiao.settlement.commission.application.DecideHeld;
import com.fenxiao.settlement.commission.application.SettlementQueries;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import com.fenxiao.settlement.release.application.ReleaseJob;
import com.fenxiao.settlement.release.domain.ReleaseRuns;
import com.fenxiao.settlement.release.domain.ReleaseShard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations on settlement (SPEC §5, §8): what is due, held and released; run now; held decisions. */
@RestController
@RequestMapping("/admin/v1/settlement")
class SettlementAdminController {

    private static final StaffRole[] READERS = {StaffRole.OPS, StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN};
    private static final StaffRole[] OPERATORS = {StaffRole.OPS, StaffRole.ADMIN};

    private final ReleaseJob job;
    private final ReleaseRuns runs;
    private final DecideHeld decide;
    private final SettlementQueries queries;
    private final Clock clock;

    SettlementAdminController(
            ReleaseJob job, ReleaseRuns runs, DecideHeld decide, SettlementQueries queries, Clock clock) {
        this.job = job;
        this.runs = runs;
        this.decide = decide;
        this.queries = queries;
        this.clock = clock;
    }

    record DueView(long count, long amountFen, Instant oldestDueAt, long lagSeconds) {}

    record HeldView(long count, long amountFen) {}

    record Overview(
            DueView due,
            HeldView held,
            List<ReleaseRuns.DayCount> releasedPerDay,
            List<ReleaseRuns.Run> recentRuns,
            List<String> shards) {}

    @GetMapping("/overview")
    Overview overview(
            CallerIdentity caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        caller.requireStaff(READERS);
        Instant now = clock.instant();
        LocalDate end = to == null ? com.fenxiao.common.time.BusinessTime.dateOf(now) : day("to", to);
        LocalDate start = from == null ? end.minusDays(13) : day("from", from);
        if (start.isAfter(end) || start.plusDays(366).isBefore(end)) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "日期范围无效(最长 366 天)");
        }
        ReleaseRuns.Due due = runs.dueNow(now);
        ReleaseRuns.Due held = runs.held();
        long lag = due.oldestDueMs() == null ? 0 : Math.max(0, (now.toEpochMilli() - due.oldestDueMs()) / 1000);
        return new Overview(
                new DueView(
                        due.count(),
                        due.amountFen(),
                        due.oldestDueMs() == null ? null : Instant.ofEpochMilli(due.oldestDueMs()),
                        lag),
                new HeldView(held.count(), held.amountFen()),
                runs.releasedPerDay(start, end),
                runs.recent(20),
                job.shards().stream().map(ReleaseShard::key).toList());
    }

    record RunBody(@NotBlank @Size(max = 32) String shard) {}

    @PostMapping("/runs")
    ReleaseJob.ShardResult runNow(CallerIdentity caller, @Valid @RequestBody RunBody body) {
        caller.requireStaff(OPERATORS);
        ReleaseShard shard;
        try {
            shard = ReleaseShard.parse(body.shard().strip());
        } catch (IllegalArgumentException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "分片格式应为 ds_N/T");
        }
        if (!job.shards().contains(shard)) {
            throw new PlatformException.NotFound("SHARD_NOT_FOUND", "分片不存在: " + body.shard());
        }
        ReleaseJob.ShardResult result = job.runShard(shard, "MANUAL");
        if (result.skipped()) {
            throw new PlatformException.Refused("SHARD_BUSY", "该分片正在由其他实例处理,请稍后再试");
        }
        return result;
    }

    @GetMapping("/runs")
    List<ReleaseRuns.Run> recentRuns(CallerIdentity caller, @RequestParam(required = false) Integer size) {
        caller.requireStaff(READERS);
        return runs.recent(pageSize(size));
    }

    record CommissionView(
            String id,
            String promoterId,
            String orderId,
            int level,
            String status,
            long amountFen,
            long settledFen,
            long reversedFen,
            long withdrawnFen,
            boolean held,
            String holdReason,
            Map<String, Long> products,
            Instant paidAt,
            Instant completedAt,
            Instant windowClosesAt,
            Instant releasedAt) {

        static CommissionView of(SettledCommission c) {
            return new CommissionView(
                    Long.toString(c.id()),
                    Long.toString(c.promoterId()),
                    c.orderId(),
                    c.level(),
                    c.status().name(),
                    c.amountFen(),
                    c.settledFen(),
                    c.reversedFen(),
                    c.withdrawnFen(),
                    c.held(),
                    c.holdReason(),
                    c.products(),
                    c.paidAt(),
                    c.completedAt(),
                    c.dueAtMs() == null ? null : Instant.ofEpochMilli(c.dueAtMs()),
                    c.releasedAt());
        }
    }

    record HeldPage(List<CommissionView> items, String nextCursor) {}

    @GetMapping("/held")
    HeldPage held(
            CallerIdentity caller,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer size) {
        caller.requireStaff(READERS);
        int n = pageSize(size);
        List<SettledCommission> rows = queries.held(cursorOf(cursor), n + 1);
        List<CommissionView> items =
                rows.stream().limit(n).map(CommissionView::of).toList();
        String next = rows.size() > n ? items.get(n - 1).id() : null;
        return new HeldPage(items, next);
    }

    @GetMapping("/commissions/{id}")
    CommissionView commission(CallerIdentity caller, @PathVariable long id) {
        caller.requireStaff(READERS);
        return CommissionView.of(queries.find(id));
    }

    record DecisionBody(@NotBlank @Size(max = 500) String reason) {}

    @PostMapping("/commissions/{id}/release")
    CommissionView release(CallerIdentity caller, @PathVariable long id, @Valid @RequestBody DecisionBody body) {
        long staff = caller.requireStaff(OPERATORS);
        return CommissionView.of(decide.release(id, staff, body.reason(), RequestIds.current()));
    }

    @PostMapping("/commissions/{id}/cancel")
    CommissionView cancel(CallerIdentity caller, @PathVariable long id, @Valid @RequestBody DecisionBody body) {
        long staff = caller.requireStaff(OPERATORS);
        return CommissionView.of(decide.cancel(id, staff, body.reason(), RequestIds.current()));
    }

    private static int pageSize(Integer size) {
        if (size == null) {
            return 20;
        }
        if (size < 1 || size > 100) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "size 须在 1 到 100 之间");
        }
        return size;
    }

    private static Long cursorOf(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "cursor 无效");
        }
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, name + " 应为 yyyy-MM-dd");
        }
    }
}
