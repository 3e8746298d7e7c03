package com.fenxiao.withdrawal.request.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Withdrawal rows, sharded by promoter (beside the wallet, so one local transaction covers both). */
public interface Withdrawals {

    void insert(Withdrawal w);

    Optional<Withdrawal> byKey(long promoterId, String idempotencyKey);

    /** By id alone (staff, payout callbacks): looks in every shard. */
    Optional<Withdrawal> byId(long id);

    Optional<Withdrawal> of(long promoterId, long id);

    /** Newest first, ids below {@code beforeId} (null: from the newest). */
    List<Withdrawal> listOf(long promoterId, Long beforeId, int size);

    List<Withdrawal> withStatus(WithdrawalStatus status, Channel channel, Long beforeId, int size);

    /** Not rejected or failed, requested since {@code dayStart} / {@code monthStart}. */
    Usage usage(long promoterId, Instant dayStart, Instant monthStart);

    /** Writes {@code next} if the row still has {@code expected} status; false when it moved meanwhile. */
    boolean update(Withdrawal next, WithdrawalStatus expected);
}
