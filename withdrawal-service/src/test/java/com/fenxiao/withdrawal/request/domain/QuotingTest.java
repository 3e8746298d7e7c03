package com.fenxiao.withdrawal.request.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fenxiao.withdrawal.request.domain.QuoteRefused.Reason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private final WithdrawalPolicy policy =
            new WithdrawalPolicy(100, 3, 500_000, 1_000_000, 60, 100, Duration.ofMinutes(30), Duration.ofDays(3));
    private final Quoting quoting = new Quoting(policy);

    private static Reason refusal(ThrowingQuote q) {
        try {
            q.run();
            return null;
        } catch (QuoteRefused e) {
            return e.reason();
        }
    }

    interface ThrowingQuote {
        void run() throws QuoteRefused;
    }

    @Test
    void prices_a_withdrawal_as_amount_minus_fee_minus_tax_with_the_expected_arrival() throws QuoteRefused {
        Quote q = quoting.quote(300_000, Channel.WECHAT, 400_000, 0, Usage.NONE, 44_000, NOW);
        assertThat(q.feeFen()).isEqualTo(1_800); // 0.6% of 3000.00
        assertThat(q.netFen()).isEqualTo(300_000 - 1_800 - 44_000);
        assertThat(q.expectedArrival()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(quoting.quote(300_000, Channel.BANK, 400_000, 0, Usage.NONE, 0, NOW)
                        .expectedArrival())
                .isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    @Test
    void charges_the_minimum_fee_on_small_amounts_and_rounds_the_rate_half_up() {
        assertThat(policy.feeOf(1_000)).isEqualTo(100); // 0.6% = 6 fen, minimum 1.00
        assertThat(policy.feeOf(100_083)).isEqualTo(600); // 600.498 → 600
        assertThat(policy.feeOf(100_084)).isEqualTo(601); // 600.504 → 601
        assertThat(WithdrawalPolicy.defaults().feeOf(123_456)).isZero();
    }

    @Test
    void refuses_below_the_minimum_above_the_balance_and_with_debt() {
        assertThat(refusal(() -> quoting.quote(99, Channel.WECHAT, 1_000, 0, Usage.NONE, 0, NOW)))
                .isEqualTo(Reason.WITHDRAWAL_BELOW_MINIMUM);
        assertThat(refusal(() -> quoting.quote(1_001, Channel.WECHAT, 1_000, 0, Usage.NONE, 0, NOW)))
                .isEqualTo(Reason.WITHDRAWAL_INSUFFICIENT_BALANCE);
        assertThat(refusal(() -> quoting.quote(500, Channel.WECHAT, 1_000, 1, Usage.NONE, 0, NOW)))
                .isEqualTo(Reason.WITHDRAWAL_BLOCKED_BY_DEBT);
    }

    @Test
    void refuses_past_the_daily_count_the_daily_amount_and_the_monthly_amount() {
        assertThat(refusal(() -> quoting.quote(1_000, Channel.WECHAT, 900_000, 0, new Usage(3, 3_000, 3_000), 0, NOW)))
                .isEqualTo(Reason.WITHDRAWAL_DAILY_COUNT_EXCEEDED);
        assertThat(refusal(() ->
                        quoting.quote(200_001, Channel.WECHAT, 900_000, 0, new Usage(1, 300_000, 300_000), 0, NOW)))
                .isEqualTo(Reason.WITHDRAWAL_LIMIT_EXCEEDED);
        assertThat(refusal(() ->
                        quoting.quote(200_000, Channel.WECHAT, 900_000, 0, new Usage(1, 300_000, 300_000), 0, NOW)))
                .isNull();
        assertThat(refusal(() -> quoting.quote(1_000, Channel.WECHAT, 900_000, 0, new Usage(0, 0, 999_500), 0, NOW)))
                .isEqualTo(Reason.WITHDRAWAL_LIMIT_EXCEEDED);
    }

    @Test
    void refuses_when_fee_and_tax_leave_nothing_to_pay() {
        assertThat(refusal(() -> quoting.quote(100, Channel.WECHAT, 1_000, 0, Usage.NONE, 0, NOW)))
                .isEqualTo(Reason.WITHDRAWAL_NET_NOT_POSITIVE);
    }

    @Test
    void refuses_inconsistent_policies() {
        assertThatThrownBy(() -> new WithdrawalPolicy(0, 1, 1, 1, 0, 0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WithdrawalPolicy(100, 1, 1_000, 999, 0, 0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
