package com.fenxiao.withdrawal.export.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fenxiao.common.error.PlatformException;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ExportPeriodTest {

    @Test
    void covers_whole_beijing_days_from_the_first_to_the_last() {
        ExportPeriod december = ExportPeriod.parse("2025-12-01", "2025-12-31");

        assertThat(december.startsAt()).isEqualTo(Instant.parse("2025-11-30T16:00:00Z"));
        assertThat(december.endsBefore()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(december.firstMonth()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(ExportPeriod.parse("2025-11-15", "2026-01-10").lastMonth()).isEqualTo(YearMonth.of(2026, 1));
    }

    @Test
    void refuses_missing_malformed_reversed_and_over_long_ranges_with_invalid_parameter() {
        for (String[] bad : new String[][] {
            {null, "2025-12-31"},
            {"2025-12-01", " "},
            {"2025-12-32", "2025-12-31"},
            {"20251201", "2025-12-31"},
            {"2025-12-31", "2025-12-01"},
            {"2024-12-30", "2025-12-31"} // 367 days
        }) {
            assertThatThrownBy(() -> ExportPeriod.parse(bad[0], bad[1]))
                    .isInstanceOfSatisfying(PlatformException.InvalidRequest.class, e -> assertThat(e.code())
                            .isEqualTo("INVALID_PARAMETER"));
        }
        assertThat(ExportPeriod.parse("2024-12-31", "2025-12-31").to()).hasToString("2025-12-31"); // 366 days
    }

    @Test
    void reads_csv_by_default_and_xlsx_in_any_case_and_nothing_else() {
        assertThat(ExportFormat.parse(null)).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse(" XLSX ")).isEqualTo(ExportFormat.XLSX);
        assertThatThrownBy(() -> ExportFormat.parse("xls")).isInstanceOf(PlatformException.InvalidRequest.class);
    }
}
