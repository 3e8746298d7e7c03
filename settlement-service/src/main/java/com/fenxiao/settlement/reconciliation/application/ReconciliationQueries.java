package com.fenxiao.settlement.reconciliation.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.settlement.SettlementProperties;
import com.fenxiao.settlement.reconciliation.ReconciliationProperties;
import com.fenxiao.settlement.reconciliation.domain.DayProductTotals;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationDays;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationLine;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Reads reconciliation per day and product (SPEC §8), a bounded page at a time: the staff report, the
 * streamed export and the alert count all walk the same pages, so none holds a whole range in memory
 * except what the report chooses to list.
 */
@Service
public class ReconciliationQueries {

    public static final int MAX_DAYS = 366;
    static final int PAGE = 1000;

    private final ReconciliationDays days;
    private final SettlementProperties settlement;
    private final ReconciliationProperties props;
    private final Clock clock;

    public ReconciliationQueries(
            ReconciliationDays days, SettlementProperties settlement, ReconciliationProperties props, Clock clock) {
        this.days = days;
        this.settlement = settlement;
        this.props = props;
        this.clock = clock;
    }

    /** A validated query: dates as sent by staff (yyyy-MM-dd), an optional product. */
    public record Range(LocalDate from, LocalDate to, String productId) {

        public static Range parse(String from, String to, String productId) {
            LocalDate start = day("from", from);
            LocalDate end = day("to", to);
            if (start.isAfter(end)) {
                throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "开始日期不能晚于结束日期");
            }
            if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "日期范围最长 " + MAX_DAYS + " 天");
            }
            String product = productId == null || productId.isBlank() ? null : productId.strip();
            if (product != null && product.length() > 64) {
                throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "商品 ID 过长");
            }
            return new Range(start, end, product);
        }

        private static LocalDate day(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new PlatformException.InvalidRequest(
                        ErrorCodes.INVALID_PARAMETER, "缺少日期参数 " + name + "(格式 yyyy-MM-dd)");
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new PlatformException.InvalidRequest(
                        ErrorCodes.INVALID_PARAMETER, "日期参数 " + name + " 格式应为 yyyy-MM-dd");
            }
        }
    }

    public record Report(
            Range range,
            int marginAlertBp,
            List<ReconciliationLine> rows,
            boolean rowsTruncated,
            List<ReconciliationLine> days,
            ReconciliationLine total,
            List<ReconciliationLine> alerts,
            long alertCount) {}

    public Report report(Range range) {
        int bp = alertBp();
        int maxRows = Math.max(0, props.getReportMaxRows());
        int maxListed = Math.max(0, props.getMaxListed());
        List<ReconciliationLine> rows = new ArrayList<>();
        List<ReconciliationLine> alerts = new ArrayList<>();
        Map<LocalDate, DayProductTotals> perDay = new LinkedHashMap<>();
        for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
            perDay.put(d, new DayProductTotals(d, null, 0, 0, 0, 0));
        }
        long[] alertCount = {0};
        boolean[] truncated = {false};
        forEachTotals(range, t -> {
            ReconciliationLine line = ReconciliationLine.of(t, bp);
            if (rows.size() < maxRows) {
                rows.add(line);
            } else {
                truncated[0] = true;
            }
            if (line.margin().alert()) {
                alertCount[0]++;
                if (alerts.size() < maxListed) {
                    alerts.add(line);
                }
            }
            perDay.merge(t.day(), t, (a, b) -> a.plus(b));
        });
        DayProductTotals sum = new DayProductTotals(range.from(), null, 0, 0, 0, 0);
        List<ReconciliationLine> dayLines = new ArrayList<>(perDay.size());
        for (DayProductTotals d : perDay.values()) {
            dayLines.add(ReconciliationLine.of(d, bp));
            sum = sum.plus(d);
        }
        return new Report(
                range, bp, rows, truncated[0], dayLines, ReconciliationLine.of(sum, bp), alerts, alertCount[0]);
    }

    /** Every day/product line of the range in (day, product) order, a page at a time. */
    public void forEach(Range range, Consumer<ReconciliationLine> sink) {
        int bp = alertBp();
        forEachTotals(range, t -> sink.accept(ReconciliationLine.of(t, bp)));
    }

    /** Alerting day/product lines over the last {@code days} business days, today included. */
    public long alertsInLastDays(int days) {
        LocalDate today = BusinessTime.dateOf(clock.instant());
        long[] count = {0};
        forEach(new Range(today.minusDays(days - 1L), today, null), line -> {
            if (line.margin().alert()) {
                count[0]++;
            }
        });
        return count[0];
    }

    public int alertBp() {
        return settlement.getMarginAlertBp();
    }

    private void forEachTotals(Range range, Consumer<DayProductTotals> sink) {
        ReconciliationDays.Position after = null;
        while (true) {
            List<DayProductTotals> page = days.page(range.from(), range.to(), range.productId(), after, PAGE);
            page.forEach(sink);
            if (page.size() < PAGE) {
                return;
            }
            DayProductTotals last = page.get(page.size() - 1);
            after = new ReconciliationDays.Position(last.day(), last.productId());
        }
    }
}
