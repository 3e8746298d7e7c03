package com.fenxiao.withdrawal.request.domain;

import com.fenxiao.withdrawal.request.domain.QuoteRefused.Reason;
import java.time.Instant;

/**
 * Checks a requested amount against the member's balance and the operator's limits, then prices it:
 * net = amount − fee − tax. The tax is computed by the caller's configured method on the same amount
 * (labour remuneration is taxed on the gross amount withdrawn).
 */
public final class Quoting {

    private final WithdrawalPolicy policy;

    public Quoting(WithdrawalPolicy policy) {
        this.policy = policy;
    }

    public Quote quote(
            long amountFen, Channel channel, long availableFen, long debtFen, Usage usage, long taxFen, Instant now)
            throws QuoteRefused {
        if (amountFen < policy.minimumFen()) {
            throw new QuoteRefused(Reason.WITHDRAWAL_BELOW_MINIMUM);
        }
        if (debtFen > 0) {
            throw new QuoteRefused(Reason.WITHDRAWAL_BLOCKED_BY_DEBT);
        }
        if (amountFen > availableFen) {
            throw new QuoteRefused(Reason.WITHDRAWAL_INSUFFICIENT_BALANCE);
        }
        if (usage.countToday() >= policy.dailyCount()) {
            throw new QuoteRefused(Reason.WITHDRAWAL_DAILY_COUNT_EXCEEDED);
        }
        if (Math.addExact(usage.amountTodayFen(), amountFen) > policy.dailyAmountFen()
                || Math.addExact(usage.amountThisMonthFen(), amountFen) > policy.monthlyAmountFen()) {
            throw new QuoteRefused(Reason.WITHDRAWAL_LIMIT_EXCEEDED);
        }
        long fee = policy.feeOf(amountFen);
        long net = amountFen - fee - taxFen;
        if (net <= 0) {
            throw new QuoteRefused(Reason.WITHDRAWAL_NET_NOT_POSITIVE);
        }
        return new Quote(amountFen, fee, taxFen, net, channel, now.plus(policy.arrivalOf(channel)));
    }
}
