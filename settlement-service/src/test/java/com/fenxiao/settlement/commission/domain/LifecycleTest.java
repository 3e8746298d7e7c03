package com.fenxiao.settlement.commission.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fenxiao.common.time.AfterSalesWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    static final Instant PAID = Instant.parse("2026-11-01T02:00:00Z");
    static final Instant DONE = Instant.parse("2026-11-03T02:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final AfterSalesWindows WINDOWS = new AfterSalesWindows(
            Duration.ofDays(7), Map.of("LONG", Duration.ofDays(30), "DEMO", Duration.ofSeconds(30)));

    static SettledCommission empty() {
        return SettledCommission.unknown(1, 7, "O1", PAID);
    }

    static EngineFact.Created created(int version, long amount, Map<String, Long> products) {
        return new EngineFact.Created(1, 7, "O1", version, 1, amount, false, null, PAID, null, products);
    }

    static SettledCommission apply(SettledCommission c, EngineFact f) {
        return Lifecycle.apply(c, f, WINDOWS, NOW).next();
    }

    static SettledCommission released(long amount) {
        SettledCommission c = apply(empty(), created(1, amount, Map.of("P1", amount)));
        c = apply(c, new EngineFact.Completed(1, 7, "O1", 2, DONE, List.of("P1")));
        SettledCommission.Builder b = c.edit();
        b.status = SettlementStatus.AVAILABLE;
        b.settledFen = amount;
        b.releasedAt = NOW;
        return b.build();
    }

    @Test
    void the_window_starts_at_completion_and_is_the_longest_of_the_products() {
        SettledCommission c = apply(empty(), created(1, 900, Map.of("P1", 500L, "LONG", 400L)));
        assertThat(c.dueAtMs()).isNull();

        c = apply(c, new EngineFact.Completed(1, 7, "O1", 2, DONE, List.of("P1", "LONG")));

        assertThat(c.dueAtMs()).isEqualTo(DONE.plus(Duration.ofDays(30)).toEpochMilli());
        assertThat(c.known()).isTrue();
        assertThat(c.sourceVersion()).isEqualTo(2);
    }

    @Test
    void a_completion_before_the_creation_is_kept_and_the_window_uses_its_products() {
        SettledCommission c = apply(empty(), new EngineFact.Completed(1, 7, "O1", 2, DONE, List.of("DEMO")));
        assertThat(c.known()).isFalse();
        assertThat(c.dueAtMs()).isEqualTo(DONE.plusSeconds(30).toEpochMilli());

        c = apply(c, created(1, 300, Map.of("DEMO", 300L)));

        assertThat(c.known()).isTrue();
        assertThat(c.amountFen()).isEqualTo(300);
        assertThat(c.products()).isEqualTo(Map.of("DEMO", 300L));
        assertThat(c.dueAtMs()).isEqualTo(DONE.plusSeconds(30).toEpochMilli());
    }

    @Test
    void before_release_a_refund_reduces_and_a_full_refund_cancels() {
        SettledCommission c = apply(empty(), created(1, 1000, Map.of("P1", 1000L)));
        c = apply(c, new EngineFact.Adjusted(1, 7, "O1", 2, 600, "R1", Map.of("P1", 600L)));
        assertThat(c.amountFen()).isEqualTo(600);
        assertThat(c.status()).isEqualTo(SettlementStatus.PENDING);

        Lifecycle.Outcome cancelled = Lifecycle.apply(c, new EngineFact.Cancelled(1, 7, "O1", 3, "R2"), WINDOWS, NOW);

        assertThat(cancelled.next().status()).isEqualTo(SettlementStatus.CANCELLED);
        assertThat(cancelled.next().amountFen()).isZero();
        assertThat(cancelled.next().contribution()).isEmpty();
        assertThat(cancelled.effects()).isEmpty();
    }

    @Test
    void an_older_or_repeated_event_changes_nothing() {
        SettledCommission c = apply(empty(), created(1, 1000, Map.of("P1", 1000L)));
        c = apply(c, new EngineFact.Adjusted(1, 7, "O1", 3, 400, "R2", Map.of("P1", 400L)));

        SettledCommission late = apply(c, new EngineFact.Adjusted(1, 7, "O1", 2, 700, "R1", Map.of("P1", 700L)));
        SettledCommission again = apply(late, new EngineFact.Adjusted(1, 7, "O1", 3, 400, "R2", Map.of("P1", 400L)));
        SettledCommission createdAgain = apply(again, created(1, 1000, Map.of("P1", 1000L)));

        assertThat(createdAgain.amountFen()).isEqualTo(400);
        assertThat(createdAgain.sourceVersion()).isEqualTo(3);
    }

    @Test
    void after_release_a_refund_the_engine_applied_as_pending_becomes_a_reversal() {
        Lifecycle.Outcome o = Lifecycle.apply(
                released(1000), new EngineFact.Adjusted(1, 7, "O1", 3, 400, "R1", Map.of("P1", 400L)), WINDOWS, NOW);

        assertThat(o.next().amountFen()).isEqualTo(400);
        assertThat(o.next().reversedFen()).isEqualTo(600);
        assertThat(o.next().status()).isEqualTo(SettlementStatus.AVAILABLE);
        assertThat(o.effects())
                .containsExactly(new Lifecycle.Effect.Reverse(600, "R1", 400, SettlementStatus.AVAILABLE));

        Lifecycle.Outcome full = Lifecycle.apply(o.next(), new EngineFact.Cancelled(1, 7, "O1", 4, "R2"), WINDOWS, NOW);

        assertThat(full.next().status()).isEqualTo(SettlementStatus.REVERSED);
        assertThat(full.next().reversedFen()).isEqualTo(1000);
        assertThat(full.effects())
                .containsExactly(new Lifecycle.Effect.Reverse(400, "R2", 0, SettlementStatus.REVERSED));
    }

    @Test
    void a_reversal_the_engine_announced_itself_is_followed_without_a_second_announcement() {
        Lifecycle.Outcome o = Lifecycle.apply(
                released(1000), new EngineFact.Reversed(1, 7, "O1", 3, 1000, 0, "R1", Map.of()), WINDOWS, NOW);

        assertThat(o.next().status()).isEqualTo(SettlementStatus.REVERSED);
        assertThat(o.next().reversedFen()).isEqualTo(1000);
        assertThat(o.effects()).isEmpty();
    }

    @Test
    void a_raise_after_release_credits_nothing_and_asks_for_an_operator() {
        Lifecycle.Outcome o = Lifecycle.apply(
                released(1000), new EngineFact.Adjusted(1, 7, "O1", 3, 1200, "A1", Map.of("P1", 1200L)), WINDOWS, NOW);

        assertThat(o.next().amountFen()).isEqualTo(1000);
        assertThat(o.next().lateIncreaseFen()).isEqualTo(200);
        assertThat(o.effects()).containsExactly(new Lifecycle.Effect.LateIncrease(200));
    }

    @Test
    void operators_release_or_cancel_only_held_commissions() {
        SettledCommission pending = apply(empty(), created(1, 1000, Map.of("P1", 1000L)));
        assertThatThrownBy(() -> Lifecycle.releaseHeld(pending, 9, NOW)).isInstanceOf(SettlementRefused.class);
        assertThatThrownBy(() -> Lifecycle.cancelHeld(pending, 9, NOW)).isInstanceOf(SettlementRefused.class);

        SettledCommission.Builder b = pending.edit();
        b.held = true;
        b.status = SettlementStatus.SETTLED;
        SettledCommission held = b.build();

        SettledCommission released = Lifecycle.releaseHeld(held, 9, NOW);
        assertThat(released.status()).isEqualTo(SettlementStatus.AVAILABLE);
        assertThat(released.settledFen()).isEqualTo(1000);
        assertThat(released.decidedBy()).isEqualTo(9L);
        assertThat(Lifecycle.cancelHeld(held, 9, NOW).status()).isEqualTo(SettlementStatus.CANCELLED);
        assertThatThrownBy(() -> Lifecycle.releaseHeld(released, 9, NOW)).isInstanceOf(SettlementRefused.class);
    }

    @Test
    void a_paid_withdrawal_covers_the_oldest_available_commissions_first() {
        SettledCommission a = released(300);
        SettledCommission b2 = released(500);

        Lifecycle.Coverage cover = Lifecycle.cover(List.of(a, b2), 600, NOW);

        assertThat(cover.fullyWithdrawn()).hasSize(1);
        assertThat(cover.changed().get(0).status()).isEqualTo(SettlementStatus.WITHDRAWN);
        assertThat(cover.changed().get(1).withdrawnFen()).isEqualTo(300);
        assertThat(cover.changed().get(1).status()).isEqualTo(SettlementStatus.AVAILABLE);
        assertThat(cover.uncoveredFen()).isZero();
        assertThat(Lifecycle.cover(List.of(a), 450, NOW).uncoveredFen()).isEqualTo(150);
    }
}
