package com.fenxiao.relation.relation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A member may undo their own binding once, within a period after binding (default 7 days); after that
 * only staff can unbind, through maker-checker approval.
 */
public final class CoolingOff {

    public enum Refusal {
        NOT_BOUND("你当前没有绑定邀请人"),
        COOLING_OFF_EXPIRED("已超过解绑冷静期,或冷静期内已解绑过一次,请联系客服");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Duration period;

    public CoolingOff(Duration period) {
        if (period.isNegative()) {
            throw new IllegalArgumentException("cooling-off period must not be negative");
        }
        this.period = period;
    }

    public Duration period() {
        return period;
    }

    /** When the member's own right to unbind ends, or empty when they have none (unbound, or used it). */
    public Optional<Instant> endsAt(Long inviterId, Instant boundAt, boolean selfUnbindUsed) {
        if (inviterId == null || boundAt == null || selfUnbindUsed) {
            return Optional.empty();
        }
        return Optional.of(boundAt.plus(period));
    }

    public Optional<Refusal> refuseSelfUnbind(Long inviterId, Instant boundAt, boolean selfUnbindUsed, Instant now) {
        if (inviterId == null) {
            return Optional.of(Refusal.NOT_BOUND);
        }
        Optional<Instant> ends = endsAt(inviterId, boundAt, selfUnbindUsed);
        if (ends.isEmpty() || !now.isBefore(ends.get())) {
            return Optional.of(Refusal.COOLING_OFF_EXPIRED);
        }
        return Optional.empty();
    }
}
