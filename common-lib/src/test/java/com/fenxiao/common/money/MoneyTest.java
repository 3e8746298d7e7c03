package com.fenxiao.common.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void adds_subtracts_and_multiplies_exactly() {
        assertThat(Money.ofFen(19_900).plus(Money.ofFen(100))).isEqualTo(Money.ofFen(20_000));
        assertThat(Money.ofFen(1_250).minus(Money.ofFen(2_000))).isEqualTo(Money.ofFen(-750));
        assertThat(Money.ofFen(19_900).times(3)).isEqualTo(Money.ofFen(59_700));
        assertThat(Money.ZERO.plus(Money.ofFen(1))).isEqualTo(Money.ofFen(1));
    }

    @Test
    void refuses_to_wrap_around_on_overflow() {
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofFen(Long.MIN_VALUE).minus(Money.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rounds_commission_down_to_the_fen() {
        assertThat(Money.ofFen(19_900).rateFloor(800)).isEqualTo(Money.ofFen(1_592));
        assertThat(Money.ofFen(9_950).rateFloor(300)).isEqualTo(Money.ofFen(298));
        assertThat(Money.ofFen(1).rateFloor(800)).isEqualTo(Money.ZERO);
        assertThat(Money.ofFen(19_900).rateFloor(0)).isEqualTo(Money.ZERO);
        assertThat(Money.ofFen(19_900).rateFloor(10_000)).isEqualTo(Money.ofFen(19_900));
    }

    @Test
    void refuses_a_negative_rate() {
        assertThatThrownBy(() -> Money.ofFen(19_900).rateFloor(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_a_rate_product_that_overflows() {
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).rateFloor(800)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void prints_yuan_with_two_decimals() {
        assertThat(Money.ofFen(0).toYuanString()).isEqualTo("0.00");
        assertThat(Money.ofFen(5).toYuanString()).isEqualTo("0.05");
        assertThat(Money.ofFen(100).toYuanString()).isEqualTo("1.00");
        assertThat(Money.ofFen(-1_234).toYuanString()).isEqualTo("-12.34");
        assertThat(Money.ofFen(-5).toYuanString()).isEqualTo("-0.05");
    }

    @Test
    void prints_the_extreme_amounts_without_garbling_the_sign() {
        assertThat(Money.ofFen(Long.MAX_VALUE).toYuanString()).isEqualTo("92233720368547758.07");
        assertThat(Money.ofFen(Long.MIN_VALUE).toYuanString()).isEqualTo("-92233720368547758.08");
    }

    @Test
    void orders_and_classifies_by_amount() {
        assertThat(Money.ofFen(-1).isNegative()).isTrue();
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.ofFen(1).isPositive()).isTrue();
        assertThat(Money.ofFen(1)).isGreaterThan(Money.ZERO);
    }
}
