package com.fenxiao.withdrawal.export.domain;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.time.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The business days an export covers, both ends included (Asia/Shanghai calendar, as staff read
 * them): rows stored in UTC are selected from the start of {@code from} to the start of the day
 * after {@code to}; the tax export covers every month the days touch.
 */
public record ExportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public ExportPeriod {
        if (from.isAfter(to)) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "开始日期不能晚于结束日期");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "日期范围最长 " + MAX_DAYS + " 天");
        }
    }

    /** Dates as staff send them ({@code yyyy-MM-dd}); anything else is refused with a zh-CN reason. */
    public static ExportPeriod parse(String from, String to) {
        return new ExportPeriod(day("from", from), day("to", to));
    }

    public Instant startsAt() {
        return from.atStartOfDay(BusinessTime.ZONE).toInstant();
    }

    /** Exclusive: the start of the day after {@code to}. */
    public Instant endsBefore() {
        return to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
    }

    public YearMonth firstMonth() {
        return YearMonth.from(from);
    }

    public YearMonth lastMonth() {
        return YearMonth.from(to);
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
