package com.fenxiao.settlement.reconciliation.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.settlement.reconciliation.domain.DayProductTotals;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReconciliationCsvTest {

    @Test
    void amounts_are_exact_yuan_and_the_share_a_percentage() {
        ReconciliationLine line = ReconciliationLine.of(
                new DayProductTotals(LocalDate.parse("2026-11-25"), "P1", 24_900, 10_950, 8_400, 2_775), 5_000);

        assertThat(ReconciliationExportController.cells(line))
                .containsExactly(
                        "2026-11-25",
                        "P1",
                        new BigDecimal("249.00"),
                        new BigDecimal("109.50"),
                        new BigDecimal("84.00"),
                        new BigDecimal("55.50"),
                        new BigDecimal("27.75"),
                        new BigDecimal("50.00"),
                        "否");
        assertThat(ReconciliationExportController.yuan(-5)).isEqualByComparingTo("-0.05");
    }

    @Test
    void cells_are_quoted_when_needed_and_formulas_are_defused() {
        assertThat(ReconciliationExportController.csvCell("P,1")).isEqualTo("\"P,1\"");
        assertThat(ReconciliationExportController.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReconciliationExportController.csvCell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(ReconciliationExportController.csvCell(new BigDecimal("-0.05")))
                .isEqualTo("-0.05");
        assertThat(ReconciliationExportController.csvCell(null)).isEmpty();
    }
}
