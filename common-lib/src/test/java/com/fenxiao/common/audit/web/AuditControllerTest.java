package com.fenxiao.common.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fenxiao.common.error.PlatformException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditControllerTest {

    @Test
    void csv_cells_are_quoted_when_needed_and_never_start_a_formula() {
        assertThat(AuditController.cell(null)).isEmpty();
        assertThat(AuditController.cell("plain")).isEqualTo("plain");
        assertThat(AuditController.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditController.cell("{\"a\":1}")).isEqualTo("\"{\"\"a\"\":1}\"");
        assertThat(AuditController.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    }

    @Test
    void a_date_bound_is_a_business_day_in_shanghai_and_to_includes_it() {
        assertThat(AuditController.bound("from", "2026-11-25", false)).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(AuditController.bound("to", "2026-11-25", true)).isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
        assertThat(AuditController.bound("from", "2026-11-25T10:00:00+08:00", false))
                .isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
        assertThatThrownBy(() -> AuditController.bound("from", "yesterday", false))
                .isInstanceOf(PlatformException.InvalidRequest.class);
    }
}
