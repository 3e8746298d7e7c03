package com.fenxiao.relation.promoter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TeamCursorTest {

    @Test
    void a_cursor_round_trips_and_blank_means_the_first_page() {
        TeamCursor c = new TeamCursor(Instant.parse("2026-11-25T10:00:00.123Z"), 99);
        assertThat(TeamCursor.decode(c.encode())).contains(c);
        assertThat(TeamCursor.decode(null)).isEmpty();
        assertThat(TeamCursor.decode(" ")).isEmpty();
    }

    @Test
    void a_made_up_cursor_is_refused() {
        assertThatThrownBy(() -> TeamCursor.decode("not-a-cursor!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_levels_one_and_two_exist() {
        assertThat(TeamLevel.of("1")).contains(TeamLevel.ONE);
        assertThat(TeamLevel.of("2")).contains(TeamLevel.TWO);
        assertThat(TeamLevel.of("3")).isEmpty();
        assertThat(TeamLevel.of("0")).isEmpty();
        assertThat(TeamLevel.of("one")).isEmpty();
    }
}
