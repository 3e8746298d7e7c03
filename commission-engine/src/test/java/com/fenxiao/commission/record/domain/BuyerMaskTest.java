package com.fenxiao.commission.record.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuyerMaskTest {

    @Test
    void shows_only_the_first_and_last_character_of_a_nickname() {
        assertThat(BuyerMask.of("王小明", 42)).isEqualTo("王***明");
        assertThat(BuyerMask.of("Al", 42)).isEqualTo("A*");
        assertThat(BuyerMask.of("😀smile😀", 42)).isEqualTo("😀***😀");
    }

    @Test
    void stands_in_with_the_last_four_digits_of_the_buyer_id_when_no_nickname_is_known() {
        assertThat(BuyerMask.of(null, 9_007_199_254_740_993L)).isEqualTo("用户***0993");
        assertThat(BuyerMask.of(" ", 42)).isEqualTo("用户***42");
    }
}
