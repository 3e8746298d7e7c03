package com.fenxiao.relation.relation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored relations, with the guarded writes the rules rely on. Every method runs inside the
 * caller's transaction; the locking reads make concurrent bindings of one member, and bindings that
 * together would close a cycle, wait for each other instead of both succeeding.
 */
public interface Relations {

    /** Locks the member's row for the rest of the transaction and reads what the rules need. */
    Optional<Bound> lockMember(long userId);

    /** The owner of a normalised code, read with a shared lock so its inviter cannot change meanwhile. */
    Optional<BindingRules.CodeOwner> codeOwner(String normalisedCode);

    /** Walks upwards with shared locks on every row passed. */
    InviterGraph lockingGraph();

    boolean hasPaidOrder(long userId);

    /** {@code UPDATE … WHERE id = ? AND inviter_id IS NULL AND no paid order}: true when this call bound. */
    boolean bindIfUnbound(long userId, long inviterId, Long inviterL2Id, BindChannel channel, Instant at);

    /** Clears the inviter only if it is still {@code expectedInviterId}; marks the self-service unbind used. */
    boolean unbindIfBoundTo(long userId, long expectedInviterId, boolean selfService, Instant at);

    /** The direct invitees of a member, locked: their level-2 upline is about to change. */
    List<Invitee> lockInvitees(long inviterId);

    /** Sets the level-2 upline of every direct invitee of {@code inviterId}; returns how many changed. */
    int setUplineOfInvitees(long inviterId, Long inviterL2Id, Instant at);

    /** Records the buyer's first paid order; false when one was already known. */
    boolean recordPaidOrder(long userId, String orderId, Instant paidAt, Instant now);

    /** A buyer's paid order, as {@link #recordPaidAll} takes it. */
    record PaidOrder(long userId, String orderId, Instant paidAt) {}

    /**
     * The batch form of {@link #recordPaidOrder}, one statement: a buyer's first recorded order stays;
     * within the batch the first one listed wins.
     */
    void recordPaidAll(List<PaidOrder> orders, Instant now);

    record Bound(
            long userId,
            Long inviterId,
            Long inviterL2Id,
            Instant boundAt,
            String channel,
            boolean selfUnbindUsed,
            boolean hasPaidOrder) {}

    record Invitee(long userId, String channel) {}
}
