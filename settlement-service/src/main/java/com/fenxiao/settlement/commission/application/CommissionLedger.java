package com.fenxiao.settlement.commission.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import com.fenxiao.settlement.commission.domain.SettledCommissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** The commission ledger for finance (SPEC §8): every commission of orders paid in a range of business days. */
@Service
public class CommissionLedger {

    private final SettledCommissions commissions;

    public CommissionLedger(SettledCommissions commissions) {
        this.commissions = commissions;
    }

    public record Range(LocalDate from, LocalDate to) {

        /** Business days, both inclusive, at most 366; bad input is a 400 with a zh-CN message. */
        public static Range parse(String from, String to) {
            LocalDate f = day("from", from);
            LocalDate t = day("to", to);
            if (t.isBefore(f) || f.plusDays(366).isBefore(t)) {
                throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "日期范围无效(最长 366 天)");
            }
            return new Range(f, t);
        }

        private static LocalDate day(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, name + " 为必填项(yyyy-MM-dd)");
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, name + " 应为 yyyy-MM-dd");
            }
        }

        Instant start() {
            return from.atStartOfDay(BusinessTime.ZONE).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        }
    }

    public void forEach(Range range, Consumer<SettledCommission> each) {
        commissions.forEachPaidBetween(range.start(), range.end(), each);
    }
}
