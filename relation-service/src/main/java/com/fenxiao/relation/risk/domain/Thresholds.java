package com.fenxiao.relation.risk.domain;

import java.time.Duration;

/**
 * SPEC §3 anti-abuse thresholds: more than {@code devicePerWindow} registrations from one device within
 * {@code deviceWindow}, or more than {@code ipPerWindow} from one IP within {@code ipWindow}, flag the new
 * accounts; more than {@code inviterBindings} bindings to one inviter within {@code inviterWindow} are
 * refused and flag the inviter.
 */
public record Thresholds(
        int devicePerWindow,
        Duration deviceWindow,
        int ipPerWindow,
        Duration ipWindow,
        int inviterBindings,
        Duration inviterWindow) {

    public boolean deviceFlood(long registrationsInWindow) {
        return registrationsInWindow > devicePerWindow;
    }

    public boolean ipFlood(long registrationsInWindow) {
        return registrationsInWindow > ipPerWindow;
    }
}
