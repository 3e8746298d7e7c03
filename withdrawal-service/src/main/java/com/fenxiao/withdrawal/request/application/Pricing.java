package com.fenxiao.withdrawal.request.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Quote;
import com.fenxiao.withdrawal.request.domain.QuoteRefused;
import com.fenxiao.withdrawal.request.domain.Quoting;
import com.fenxiao.withdrawal.request.domain.Usage;
import com.fenxiao.withdrawal.request.domain.Withdrawals;
import com.fenxiao.withdrawal.tax.domain.TaxHistory;
import com.fenxiao.withdrawal.tax.domain.TaxPeriods;
import com.fenxiao.withdrawal.tax.domain.Withholding;
import com.fenxiao.withdrawal.tax.domain.Withholdings;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * Prices a withdrawal for a member from their balances, their usage today and this month, and their
 * tax history (SPEC §6, §7). The same figures are shown by the quote and frozen by the request.
 */
@Component
public class Pricing {

    private final WithdrawalProperties props;
    private final Withdrawals withdrawals;
    private final Withholdings withholdings;

    public Pricing(WithdrawalProperties props, Withdrawals withdrawals, Withholdings withholdings) {
        this.props = props;
        this.withdrawals = withdrawals;
        this.withholdings = withholdings;
    }

    public record Priced(Quote quote, Withholding withholding, YearMonth taxMonth) {}

    public Priced price(long promoterId, long amountFen, Channel channel, Balances balances, Instant now) {
        ZonedDateTime local = now.atZone(BusinessTime.ZONE);
        LocalDate today = local.toLocalDate();
        Instant dayStart = today.atStartOfDay(BusinessTime.ZONE).toInstant();
        Instant monthStart =
                today.withDayOfMonth(1).atStartOfDay(BusinessTime.ZONE).toInstant();
        Usage usage = withdrawals.usage(promoterId, dayStart, monthStart);
        YearMonth month = TaxPeriods.monthOf(now);
        TaxHistory history = withholdings.historyOf(promoterId, month);
        // tax matters only for an amount the wallet can pay (Quoting refuses more before using it); bounding
        // it there keeps an absurd amount (Long.MAX_VALUE) from overflowing the tax arithmetic into a 500
        long taxable = Math.min(Math.max(amountFen, 0), balances.availableFen());
        Withholding withholding = props.getTaxMethod().withhold(history, month, taxable);
        try {
            Quote quote = new Quoting(props.policy())
                    .quote(
                            amountFen,
                            channel,
                            balances.availableFen(),
                            balances.debtFen(),
                            usage,
                            withholding.taxFen(),
                            now);
            return new Priced(quote, withholding, month);
        } catch (QuoteRefused refused) {
            throw refusal(refused.reason());
        }
    }

    static PlatformException refusal(QuoteRefused.Reason reason) {
        String detail =
                switch (reason) {
                    case WITHDRAWAL_BELOW_MINIMUM -> "提现金额低于最低提现金额";
                    case WITHDRAWAL_INSUFFICIENT_BALANCE -> "可提现余额不足";
                    case WITHDRAWAL_BLOCKED_BY_DEBT -> "存在待抵扣的佣金欠款,暂不能提现";
                    case WITHDRAWAL_DAILY_COUNT_EXCEEDED -> "今日提现次数已达上限";
                    case WITHDRAWAL_LIMIT_EXCEEDED -> "超过提现额度上限";
                    case WITHDRAWAL_NET_NOT_POSITIVE -> "扣除手续费和税款后实际到账金额为零";
                };
        return reason == QuoteRefused.Reason.WITHDRAWAL_BELOW_MINIMUM
                        || reason == QuoteRefused.Reason.WITHDRAWAL_NET_NOT_POSITIVE
                ? new PlatformException.InvalidRequest(reason.name(), detail)
                : new PlatformException.Refused(reason.name(), detail);
    }
}
