package com.fenxiao.relation.staffaccount.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
    private static final LoginGuard.Policy FIVE_IN_15_LOCK_15 =
            new LoginGuard.Policy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void the_fifth_failure_within_the_window_locks_for_the_lock_period() {
        LoginGuard g = LoginGuard.fresh("ops.li", T0);
        for (int i = 0; i < 4; i++) {
            g = g.afterFailure(FIVE_IN_15_LOCK_15, T0.plusSeconds(60L * i));
            assertThat(g.isLocked(T0.plusSeconds(60L * i))).isFalse();
        }
        Instant fifth = T0.plusSeconds(300);
        g = g.afterFailure(FIVE_IN_15_LOCK_15, fifth);
        assertThat(g.isLocked(fifth)).isTrue();
        assertThat(g.isLocked(fifth.plus(Duration.ofMinutes(15)).minusMillis(1)))
                .isTrue();
        assertThat(g.isLocked(fifth.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void failures_outside_the_window_start_a_new_count() {
        LoginGuard g = LoginGuard.fresh("ops.li", T0);
        for (int i = 0; i < 4; i++) {
            g = g.afterFailure(FIVE_IN_15_LOCK_15, T0);
        }
        Instant later = T0.plus(Duration.ofMinutes(16));
        g = g.afterFailure(FIVE_IN_15_LOCK_15, later);
        assertThat(g.failedAttempts()).isEqualTo(1);
        assertThat(g.isLocked(later)).isFalse();
    }

    @Test
    void after_a_lock_has_expired_the_count_starts_again() {
        LoginGuard g = LoginGuard.fresh("ops.li", T0);
        for (int i = 0; i < 5; i++) {
            g = g.afterFailure(FIVE_IN_15_LOCK_15, T0);
        }
        Instant afterLock = T0.plus(Duration.ofMinutes(15));
        g = g.afterFailure(FIVE_IN_15_LOCK_15, afterLock);
        assertThat(g.isLocked(afterLock)).isFalse();
        assertThat(g.failedAttempts()).isEqualTo(1);
    }

    @Test
    void passwords_need_ten_characters_and_must_not_be_the_username() {
        assertThatThrownBy(() -> Credentials.checkPassword("123456789", "ops.li"))
                .extracting(e -> ((StaffRefused) e).code())
                .isEqualTo(StaffRefused.PASSWORD_TOO_WEAK);
        assertThatThrownBy(() -> Credentials.checkPassword("ops.li.0001", "OPS.LI.0001"))
                .extracting(e -> ((StaffRefused) e).code())
                .isEqualTo(StaffRefused.PASSWORD_TOO_WEAK);
        assertThatThrownBy(() -> Credentials.checkPassword("x".repeat(73), "ops.li"))
                .extracting(e -> ((StaffRefused) e).code())
                .isEqualTo(StaffRefused.PASSWORD_TOO_WEAK);
        Credentials.checkPassword("十个字符的中文密码呀", "ops.li");
        assertThat(Credentials.checkUsername(" Ops.Li ")).isEqualTo("ops.li");
    }
}
