package com.fenxiao.relation.relation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CoolingOffTest {

    private final CoolingOff sevenDays = new CoolingOff(Duration.ofDays(7));
    private final Instant boundAt = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void a_member_may_unbind_inside_the_period() {
        assertThat(sevenDays.refuseSelfUnbind(9L, boundAt, false, boundAt.plus(Duration.ofDays(6))))
                .isEmpty();
        assertThat(sevenDays.endsAt(9L, boundAt, false)).contains(Instant.parse("2026-11-08T10:00:00Z"));
    }

    @Test
    void the_period_ends_exactly_at_its_end() {
        assertThat(sevenDays.refuseSelfUnbind(9L, boundAt, false, boundAt.plus(Duration.ofDays(7))))
                .contains(CoolingOff.Refusal.COOLING_OFF_EXPIRED);
        assertThat(sevenDays.refuseSelfUnbind(
                        9L, boundAt, false, boundAt.plus(Duration.ofDays(7)).minusMillis(1)))
                .isEmpty();
    }

    @Test
    void only_once() {
        assertThat(sevenDays.refuseSelfUnbind(9L, boundAt, true, boundAt.plusSeconds(60)))
                .contains(CoolingOff.Refusal.COOLING_OFF_EXPIRED);
        assertThat(sevenDays.endsAt(9L, boundAt, true)).isEmpty();
    }

    @Test
    void an_unbound_member_has_nothing_to_unbind() {
        assertThat(sevenDays.refuseSelfUnbind(null, null, false, boundAt)).contains(CoolingOff.Refusal.NOT_BOUND);
    }

    @Test
    void the_period_is_configuration() {
        CoolingOff oneDay = new CoolingOff(Duration.ofDays(1));
        assertThat(oneDay.refuseSelfUnbind(9L, boundAt, false, boundAt.plus(Duration.ofHours(25))))
                .contains(CoolingOff.Refusal.COOLING_OFF_EXPIRED);
    }
}
