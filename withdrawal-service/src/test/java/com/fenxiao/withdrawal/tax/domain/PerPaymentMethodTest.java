package com.fenxiao.withdrawal.tax.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** SPEC §7 worked examples for the per-payment method (预扣率表二), in fen. */
class PerPaymentMethodTest {

    private final PerPaymentMethod method = PerPaymentMethod.standard();

    private long alone(long amountFen) {
        return method.withhold(0, 0, amountFen).taxFen();
    }

    @Test
    void withholds_nothing_on_800_yuan() {
        assertThat(alone(80_000)).isZero();
    }

    @Test
    void withholds_440_on_3000_yuan() {
        assertThat(alone(300_000)).isEqualTo(44_000);
    }

    @Test
    void withholds_1600_on_10000_yuan() {
        assertThat(alone(1_000_000)).isEqualTo(160_000);
    }

    @Test
    void withholds_5200_on_30000_yuan() {
        assertThat(alone(3_000_000)).isEqualTo(520_000);
    }

    @Test
    void three_withdrawals_of_1500_in_one_month_withhold_140_then_300_then_280() {
        Withholding first = method.withhold(0, 0, 150_000);
        Withholding second = method.withhold(first.cumulativeIncomeFen(), first.cumulativeTaxFen(), 150_000);
        Withholding third = method.withhold(second.cumulativeIncomeFen(), second.cumulativeTaxFen(), 150_000);
        assertThat(first.taxFen()).isEqualTo(14_000);
        assertThat(second.taxFen()).isEqualTo(30_000);
        assertThat(third.taxFen()).isEqualTo(28_000);
        assertThat(third.cumulativeTaxFen()).isEqualTo(72_000);
    }

    @Test
    void switches_from_the_flat_800_to_the_20_percent_deduction_above_4000_yuan() {
        assertThat(alone(400_000)).isEqualTo(64_000); // (4000 − 800) × 20%
        assertThat(alone(400_001)).isEqualTo(64_000); // 4000.01 × 80% × 20% = 640.0016
        assertThat(alone(500_000)).isEqualTo(80_000); // 4000 × 20%
    }

    @Test
    void is_continuous_at_the_bracket_edges_of_20000_and_50000_taxable() {
        assertThat(alone(2_500_000)).isEqualTo(400_000); // taxable 20000 × 20%
        assertThat(alone(2_500_001)).isEqualTo(400_000); // 20000.008 × 30% − 2000 = 4000.0024
        assertThat(alone(6_250_000)).isEqualTo(1_300_000); // taxable 50000 × 30% − 2000
        assertThat(alone(6_250_001)).isEqualTo(1_300_000); // 50000.008 × 40% − 7000 = 13000.0032
        assertThat(alone(10_000_000)).isEqualTo(2_500_000); // 80000 × 40% − 7000
    }

    @Test
    void rounds_half_up_to_the_fen() {
        // 1000.03 yuan: (100003 − 80000) × 20% = 4000.6 fen → 4001
        assertThat(alone(100_003)).isEqualTo(4_001);
        // 1000.02 yuan: 4000.4 fen → 4000
        assertThat(alone(100_002)).isEqualTo(4_000);
    }

    @Test
    void never_withholds_a_negative_amount_when_an_earlier_payment_already_covered_it() {
        assertThat(method.withhold(80_000, 0, 1).taxFen()).isZero();
    }

    @Test
    void a_withdrawal_after_midnight_in_shanghai_belongs_to_the_next_month_though_utc_is_still_in_the_old_one() {
        Instant lateNovemberUtc = Instant.parse("2026-11-30T16:30:00Z"); // 2026-12-01 00:30 in Shanghai
        assertThat(TaxPeriods.monthOf(lateNovemberUtc)).isEqualTo(YearMonth.of(2026, 12));
        assertThat(TaxPeriods.monthOf(Instant.parse("2026-11-30T15:59:59Z"))).isEqualTo(YearMonth.of(2026, 11));
    }
}
