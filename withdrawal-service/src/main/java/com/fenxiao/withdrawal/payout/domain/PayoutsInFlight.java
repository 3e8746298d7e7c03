package com.fenxiao.withdrawal.payout.domain;

import java.time.Instant;
import java.util.Optional;

/** Withdrawals whose payout is under way (PAYING: bill being created, unknown, or awaiting the member). */
public interface PayoutsInFlight {

    /** When the payout of the longest-running one started; empty when none is in flight. */
    Optional<Instant> oldestStartedAt();
}
