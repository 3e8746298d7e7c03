package com.fenxiao.relation.relation.application;

import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.event.relation.v1.RelationUnbound;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.relation.relation.domain.RelationHistory;
import com.fenxiao.relation.relation.domain.RelationHistory.Action;
import com.fenxiao.relation.relation.domain.Relations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Removes a member's inviter inside the caller's transaction (the member's row already locked by the
 * caller): the member loses both levels, and the member's own invitees lose their level-2 upline, in
 * the same transaction, each with history and an event.
 */
@Service
public class Unbinder {

    private final Relations relations;
    private final RelationHistory history;
    private final Binder binder;
    private final Outbox outbox;
    private final IdGenerator ids;

    public Unbinder(Relations relations, RelationHistory history, Binder binder, Outbox outbox, IdGenerator ids) {
        this.relations = relations;
        this.history = history;
        this.binder = binder;
        this.outbox = outbox;
        this.ids = ids;
    }

    public Set<Long> unbind(
            Relations.Bound locked, boolean selfService, Long operatorId, Long approvalId, String reason, Instant now) {
        long userId = locked.userId();
        long former = locked.inviterId();
        if (!relations.unbindIfBoundTo(userId, former, selfService, now)) {
            throw new IllegalStateException("member " + userId + " changed although its row was locked");
        }
        Set<Long> changed = new LinkedHashSet<>();
        changed.add(userId);
        List<RelationHistory.Entry> entries = new ArrayList<>();
        List<Outbox.Pending> events = new ArrayList<>();
        entries.add(new RelationHistory.Entry(
                ids.nextId(),
                userId,
                Action.UNBOUND,
                former,
                locked.inviterL2Id(),
                null,
                selfService ? "SELF" : "ADMIN",
                reason,
                null,
                null,
                operatorId,
                approvalId,
                now));
        events.add(
                new Outbox.Pending(userId, new RelationUnbound(userId, former, reason, operatorId, approvalId, now)));
        List<Relations.Invitee> invitees = relations.lockInvitees(userId);
        if (!invitees.isEmpty()) {
            relations.setUplineOfInvitees(userId, null, now);
            for (Relations.Invitee invitee : invitees) {
                changed.add(invitee.userId());
                entries.add(binder.uplineChanged(invitee, userId, null, operatorId, approvalId, now));
                events.add(new Outbox.Pending(
                        invitee.userId(), new RelationBound(invitee.userId(), userId, null, invitee.channel(), now)));
            }
        }
        history.append(entries);
        outbox.appendAll(events);
        return changed;
    }
}
