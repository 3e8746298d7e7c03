package com.fenxiao.relation.relation.domain;

import java.util.HashSet;
import java.util.Set;

/**
 * SPEC §3 as pure logic: first binding wins; a code must belong to an active member other than the
 * user; a user with a paid order can no longer bind; and no binding may close a cycle, that is, the
 * user must not be the inviter nor anywhere above the inviter in the graph. The per-inviter rate limit
 * is checked by the caller after these rules pass, since it consumes a slot.
 */
public final class BindingRules {

    /** Far deeper than any real invitation chain; a guard against a corrupt graph, never a business limit. */
    static final int MAX_WALK = 100_000;

    private BindingRules() {}

    /** The member about to be bound, as currently stored. */
    public record Candidate(long userId, Long currentInviterId, boolean hasPaidOrder) {}

    /** The owner of the presented code, or null when the code belongs to nobody. */
    public record CodeOwner(long id, boolean active, Long inviterId) {}

    public static Decision decide(Candidate user, CodeOwner owner, InviterGraph graph) {
        if (user.currentInviterId() != null) {
            if (owner != null && owner.id() == user.currentInviterId()) {
                return new Decision.Unchanged(owner.id());
            }
            return new Decision.Refuse(BindRefusal.ALREADY_BOUND);
        }
        if (owner == null || !owner.active()) {
            return new Decision.Refuse(BindRefusal.INVALID_INVITE_CODE);
        }
        if (owner.id() == user.userId()) {
            return new Decision.Refuse(BindRefusal.SELF_INVITE);
        }
        if (isAbove(user.userId(), owner, graph)) {
            return new Decision.Refuse(BindRefusal.CYCLE);
        }
        if (user.hasPaidOrder()) {
            return new Decision.Refuse(BindRefusal.HAS_PAID_ORDER);
        }
        return new Decision.Bind(owner.id(), owner.inviterId());
    }

    /** True when {@code userId} is the owner's inviter, or that inviter's inviter, and so on upwards. */
    static boolean isAbove(long userId, CodeOwner owner, InviterGraph graph) {
        Set<Long> seen = new HashSet<>();
        Long current = owner.inviterId();
        while (current != null) {
            if (current == userId) {
                return true;
            }
            if (!seen.add(current) || seen.size() > MAX_WALK) {
                throw new IllegalStateException("the inviter graph already holds a cycle at member " + current);
            }
            current = graph.inviterOf(current);
        }
        return false;
    }
}
