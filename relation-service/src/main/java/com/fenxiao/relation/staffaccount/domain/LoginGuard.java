package com.fenxiao.relation.staffaccount.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins of one username: {@code maxAttempts} failures within {@code window} lock it for
 * {@code lockFor}. Kept for unknown usernames as well, so locking tells nothing about existence.
 */
public record LoginGuard(String username, int failedAttempts, Instant windowStartedAt, Instant lockedUntil) {

    public record Policy(int maxAttempts, Duration window, Duration lockFor) {}

    public static LoginGuard fresh(String username, Instant now) {
        return new LoginGuard(username, 0, now, null);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** One more failure; the count restarts when the window has passed, and reaching the limit locks. */
    public LoginGuard afterFailure(Policy policy, Instant now) {
        boolean inWindow = !now.isAfter(windowStartedAt.plus(policy.window())) && !lockExpired(now);
        int attempts = inWindow ? failedAttempts + 1 : 1;
        Instant started = inWindow ? windowStartedAt : now;
        if (attempts >= policy.maxAttempts()) {
            return new LoginGuard(username, 0, now, now.plus(policy.lockFor()));
        }
        return new LoginGuard(username, attempts, started, lockedUntil);
    }

    public LoginGuard afterSuccess(Instant now) {
        return fresh(username, now);
    }

    private boolean lockExpired(Instant now) {
        return lockedUntil != null && !now.isBefore(lockedUntil);
    }
}
