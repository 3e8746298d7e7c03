package com.fenxiao.commission.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainAtPaymentTest {

    static final Instant BOUND = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant PAID = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void verifies_that_level_two_is_level_ones_own_inviter() {
        ChainAtPayment.Resolved r =
                ChainAtPayment.resolve(new Chain(1, 2L, 3L, BOUND), new Chain(2, 3L, null, BOUND), PAID);

        assertThat(r).isEqualTo(new ChainAtPayment.Resolved(2L, 3L, BOUND, ChainAtPayment.VERIFIED));
    }

    @Test
    void takes_level_ones_newer_inviter_and_keeps_the_buyers_when_it_is_the_newer() {
        Chain buyer = new Chain(1, 2L, 3L, BOUND);

        ChainAtPayment.Resolved corrected =
                ChainAtPayment.resolve(buyer, new Chain(2, 9L, null, BOUND.plusSeconds(60)), PAID);
        ChainAtPayment.Resolved kept =
                ChainAtPayment.resolve(buyer, new Chain(2, 9L, null, BOUND.minusSeconds(60)), PAID);

        assertThat(corrected.level2Id()).isEqualTo(9L);
        assertThat(corrected.check()).isEqualTo(ChainAtPayment.LEVEL2_CORRECTED);
        assertThat(kept.level2Id()).isEqualTo(3L);
        assertThat(kept.check()).isEqualTo(ChainAtPayment.LEVEL2_MISMATCH_KEPT);
    }

    @Test
    void says_what_it_could_not_check() {
        assertThat(ChainAtPayment.resolve(null, null, PAID).check()).isEqualTo(ChainAtPayment.NO_CHAIN);
        assertThat(ChainAtPayment.resolve(Chain.unbound(1, BOUND), null, PAID).level1Id())
                .isNull();
        assertThat(ChainAtPayment.resolve(new Chain(1, 2L, 3L, BOUND), null, PAID)
                        .check())
                .isEqualTo(ChainAtPayment.LEVEL1_CHAIN_UNKNOWN);
        assertThat(ChainAtPayment.resolve(new Chain(1, 2L, null, BOUND), null, PAID)
                        .check())
                .isEqualTo(ChainAtPayment.VERIFIED);
        assertThat(ChainAtPayment.resolve(new Chain(1, 2L, null, PAID.plusSeconds(1)), null, PAID)
                        .check())
                .isEqualTo(ChainAtPayment.VERIFIED + ChainAtPayment.CHANGED_AFTER_PAYMENT);
    }
}
