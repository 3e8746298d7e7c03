package com.fenxiao.withdrawal.export.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SheetStreamTest {

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_defused_and_special_characters_are_quoted() {
        assertThat(SheetStream.csvCell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SheetStream.csvCell("+1")).isEqualTo("'+1");
        assertThat(SheetStream.csvCell("-1")).isEqualTo("'-1");
        assertThat(SheetStream.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SheetStream.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(SheetStream.csvCell(null)).isEmpty();
    }

    @Test
    void money_is_yuan_with_two_decimals_exact_from_the_fen_and_negative_amounts_stay_numbers() {
        assertThat(SheetStream.csvCell(ExportSheets.yuan(1))).isEqualTo("0.01");
        assertThat(SheetStream.csvCell(ExportSheets.yuan(-400_000))).isEqualTo("-4000.00");
        assertThat(SheetStream.csvCell(ExportSheets.yuan(Long.MAX_VALUE))).isEqualTo("92233720368547758.07");
        assertThat(SheetStream.csvCell(new BigDecimal("0.00"))).isEqualTo("0.00");
    }
}
