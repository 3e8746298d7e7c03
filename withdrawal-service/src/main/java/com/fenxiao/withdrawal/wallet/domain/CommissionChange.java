package com.fenxiao.withdrawal.wallet.domain;

/**
 * What commission-engine and settlement-service announce about one commission, as the wallet needs
 * it. {@code version} is the engine's record version where it sends one (null in older messages).
 */
public sealed interface CommissionChange {

    long commissionId();

    long promoterId();

    record Created(long commissionId, long promoterId, long amountFen, Integer version) implements CommissionChange {}

    /** The pending commission is now worth {@code amountFen}. */
    record Adjusted(long commissionId, long promoterId, long amountFen, Integer version, String eventId)
            implements CommissionChange {}

    record Cancelled(long commissionId, long promoterId) implements CommissionChange {}

    /** Released: {@code amountFen} becomes available (exactly one per commission). */
    record Settled(long commissionId, long promoterId, long amountFen) implements CommissionChange {}

    /** A refund after release: {@code amountFen} leaves the available balance (the rest becomes debt). */
    record Reversed(long commissionId, long promoterId, String refundId, long amountFen) implements CommissionChange {}
}
