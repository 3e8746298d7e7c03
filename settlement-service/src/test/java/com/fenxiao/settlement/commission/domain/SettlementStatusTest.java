package com.fenxiao.settlement.commission.domain;

import static com.fenxiao.settlement.commission.domain.SettlementStatus.AVAILABLE;
import static com.fenxiao.settlement.commission.domain.SettlementStatus.CANCELLED;
import static com.fenxiao.settlement.commission.domain.SettlementStatus.PENDING;
import static com.fenxiao.settlement.commission.domain.SettlementStatus.REVERSED;
import static com.fenxiao.settlement.commission.domain.SettlementStatus.SETTLED;
import static com.fenxiao.settlement.commission.domain.SettlementStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §5 moves, the same table as commission-engine's CommissionStatusTest (ADR 0008). */
class SettlementStatusTest {

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

    private static Set<SettlementStatus> next(SettlementStatus from) {
        Set<SettlementStatus> out = EnumSet.noneOf(SettlementStatus.class);
        for (SettlementStatus to : SettlementStatus.values()) {
            if (from.canBecome(to)) {
                out.add(to);
            }
        }
        return out;
    }
}
