package com.fenxiao.commission.record.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record follows settlement-service's decisions; anything else leaves it as it is. */
class SettlementDecisionsTest {

    static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");

    static Commission with(CommissionStatus status, long amount) {
        return new Commission(
                1,
                "O1",
                "SO1",
                7,
                8,
                1,
                amount,
                1_000,
                1_000,
                amount - 1_000,
                0,
                800,
                List.of(new ItemShare("1", "P1", 12_500, 0, 800, 1_000, "default")),
                status,
                false,
                null,
                null,
                null,
                AT,
                AT,
                AT,
                AT,
                3,
                2);
    }

    @Test
    void a_release_makes_a_pending_commission_available_once() {
        Commission released = with(CommissionStatus.PENDING, 1_000).releasedBySettlement(AT);

        assertThat(released.status()).isEqualTo(CommissionStatus.AVAILABLE);
        assertThat(released.version()).isEqualTo(4);
        assertThat(released.releasedBySettlement(AT)).isSameAs(released);
        assertThat(with(CommissionStatus.CANCELLED, 0).releasedBySettlement(AT).status())
                .isEqualTo(CommissionStatus.CANCELLED);
    }

    @Test
    void withdrawn_and_operator_cancellation_apply_only_from_their_states() {
        assertThat(with(CommissionStatus.AVAILABLE, 1_000)
                        .withdrawnBySettlement(AT)
                        .status())
                .isEqualTo(CommissionStatus.WITHDRAWN);
        assertThat(with(CommissionStatus.PENDING, 1_000)
                        .withdrawnBySettlement(AT)
                        .status())
                .isEqualTo(CommissionStatus.PENDING);
        Commission cancelled = with(CommissionStatus.SETTLED, 1_000).cancelledBySettlement(AT);
        assertThat(cancelled.status()).isEqualTo(CommissionStatus.CANCELLED);
        assertThat(cancelled.amountFen()).isZero();
        assertThat(with(CommissionStatus.AVAILABLE, 1_000)
                        .cancelledBySettlement(AT)
                        .status())
                .isEqualTo(CommissionStatus.AVAILABLE);
    }

    @Test
    void a_late_refund_reversed_by_settlement_shows_what_was_taken_back() {
        Commission partly = with(CommissionStatus.PENDING, 400).reversedBySettlement(600, 400, AT);
        assertThat(partly.status()).isEqualTo(CommissionStatus.AVAILABLE);
        assertThat(partly.reversedFen()).isEqualTo(600);
        assertThat(partly.amountFen()).isEqualTo(400);

        Commission fully = with(CommissionStatus.CANCELLED, 0).reversedBySettlement(1_000, 0, AT);
        assertThat(fully.status()).isEqualTo(CommissionStatus.REVERSED);
        assertThat(fully.reversedFen()).isEqualTo(1_000);
    }
}
