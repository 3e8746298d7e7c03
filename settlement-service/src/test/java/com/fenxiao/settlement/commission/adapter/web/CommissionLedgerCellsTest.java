package com.fenxiao.settlement.commission.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.common.time.AfterSalesWindows;
import com.fenxiao.settlement.commission.domain.EngineFact;
import com.fenxiao.settlement.commission.domain.Lifecycle;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15: the commission-ledger export says why a commission is held, e.g. a disabled earner. */
class CommissionLedgerCellsTest {

    static final Instant PAID = Instant.parse("2026-11-01T02:00:00Z");

    @Test
    void a_commission_held_because_its_earner_was_disabled_is_exported_with_that_reason() {
        SettledCommission c = Lifecycle.apply(
                        SettledCommission.unknown(1, 7, "O1", PAID),
                        new EngineFact.Created(
                                1, 7, "O1", 1, 1, 800, true, "EARNER_DISABLED", PAID, null, Map.of("P1", 800L)),
                        new AfterSalesWindows(Duration.ofDays(7), Map.of()),
                        PAID)
                .next();

        List<Object> cells = CommissionLedgerExportController.cells(c);

        assertThat(cells.get(CommissionLedgerExportController.HEADERS.indexOf("风控冻结")))
                .isEqualTo("是");
        assertThat(cells.get(CommissionLedgerExportController.HEADERS.indexOf("冻结原因")))
                .isEqualTo("EARNER_DISABLED");
    }
}
