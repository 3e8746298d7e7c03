package com.fenxiao.commission.record.domain;

import static com.fenxiao.commission.record.domain.CommissionStatus.AVAILABLE;
import static com.fenxiao.commission.record.domain.CommissionStatus.CANCELLED;
import static com.fenxiao.commission.record.domain.CommissionStatus.PENDING;
import static com.fenxiao.commission.record.domain.CommissionStatus.REVERSED;
import static com.fenxiao.commission.record.domain.CommissionStatus.SETTLED;
import static com.fenxiao.commission.record.domain.CommissionStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §5 moves, the same table as settlement-service's SettlementStatusTest (ADR 0008). */
class CommissionStatusTest {

    @Test
    void a_pending_commission_settles_before_it_becomes_available() {
        assertThat(PENDING.canBecome(AVAILABLE)).isFalse();
        assertThat(PENDING.canBecome(SETTLED)).isTrue();
        assertThat(SETTLED.canBecome(AVAILABLE)).isTrue();
    }

    @Test
    void allows_exactly_the_moves_of_spec_section_5() {
        assertThat(next(PENDING)).containsExactlyInAnyOrder(SETTLED, CANCELLED);
        assertThat(next(SETTLED)).containsExactlyInAnyOrder(AVAILABLE, CANCELLED);
        assertThat(next(AVAILABLE)).containsExactlyInAnyOrder(WITHDRAWN, REVERSED);
        assertThat(next(WITHDRAWN)).containsExactlyInAnyOrder(REVERSED);
        assertThat(next(CANCELLED)).isEmpty();
        assertThat(next(REVERSED)).isEmpty();
    }

    private static Set<CommissionStatus> next(CommissionStatus from) {
        Set<CommissionStatus> out = EnumSet.noneOf(CommissionStatus.class);
        for (CommissionStatus to : CommissionStatus.values()) {
            if (from.canBecome(to)) {
                out.add(to);
            }
        }
        return out;
    }
}
