package com.fenxiao.withdrawal.tax.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §7 worked examples for the platform cumulative method (预扣率表一), in fen. */
class PlatformCumulativeMethodTest {

    private final PlatformCumulativeMethod method = PlatformCumulativeMethod.standard();

    @Test
    void withholds_90_on_10000_in_october_and_90_on_another_10000_in_november() {
        Withholding october = method.withhold(0, 0, 1, 1_000_000);
        assertThat(october.taxFen()).isEqualTo(9_000); // (10000 × 80% − 5000) × 3%
        Withholding november = method.withhold(october.cumulativeIncomeFen(), october.cumulativeTaxFen(), 2, 1_000_000);
        assertThat(november.taxFen()).isEqualTo(9_000); // (20000 × 80% − 10000) × 3% − 90
    }

    @Test
    void starts_again_in_january_the_year_is_the_tax_year() {
        Withholding december = method.withhold(2_000_000, 18_000, 3, 1_000_000);
        assertThat(december.taxFen()).isEqualTo(9_000); // (30000 × 80% − 15000) × 3% − 180
        int januaryRun = TaxPeriods.consecutiveMonths(
                YearMonth.of(2027, 1), Set.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12)));
        assertThat(januaryRun).isEqualTo(1);
        assertThat(method.withhold(0, 0, januaryRun, 1_000_000).taxFen()).isEqualTo(9_000);
    }

    @Test
    void counts_only_the_current_run_of_consecutive_months() {
        Set<YearMonth> earlier = Set.of(YearMonth.of(2026, 8), YearMonth.of(2026, 10));
        assertThat(TaxPeriods.consecutiveMonths(YearMonth.of(2026, 11), earlier))
                .isEqualTo(2);
        assertThat(TaxPeriods.consecutiveMonths(YearMonth.of(2026, 12), earlier))
                .isEqualTo(1);
        // October 10000 withheld 90; a gap in November; December 10000: (20000 × 80% − 5000) × 3% − 90 = 240
        assertThat(method.withhold(1_000_000, 9_000, 1, 1_000_000).taxFen()).isEqualTo(24_000);
    }

    @Test
    void withholds_nothing_while_the_deduction_covers_the_income() {
        assertThat(method.withhold(0, 0, 1, 625_000).taxFen()).isZero(); // 6250 × 80% = 5000
        assertThat(method.withhold(0, 0, 1, 100).taxFen()).isZero();
    }

    @Test
    void is_continuous_where_the_table_moves_from_3_to_10_percent() {
        // taxable 36000 = income × 80% − 5000 → income 51250 yuan
        assertThat(method.withhold(0, 0, 1, 5_125_000).taxFen()).isEqualTo(108_000); // 36000 × 3%
        assertThat(method.withhold(0, 0, 1, 5_125_100).taxFen()).isEqualTo(108_008); // 36000.8 × 10% − 2520
    }

    @Test
    void refuses_a_run_outside_one_year() {
        assertThatThrownBy(() -> method.withhold(0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> method.withhold(0, 0, 13, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
