package com.fenxiao.relation.relation.application;

import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.event.relation.v1.RelationRefused;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.relation.member.domain.InviteCodes;
import com.fenxiao.relation.member.domain.NicknameMask;
import com.fenxiao.relation.relation.domain.BindChannel;
import com.fenxiao.relation.relation.domain.BindRefusal;
import com.fenxiao.relation.relation.domain.BindingRules;
import com.fenxiao.relation.relation.domain.Decision;
import com.fenxiao.relation.relation.domain.InviterGraph;
import com.fenxiao.relation.relation.domain.RelationHistory;
import com.fenxiao.relation.relation.domain.RelationHistory.Action;
import com.fenxiao.relation.relation.domain.Relations;
import com.fenxiao.relation.risk.application.InviterRateLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * One binding attempt inside the caller's transaction (registration or self-service binding). It locks
 * the member, applies the rules, takes a rate-limit slot, binds with a guarded update, moves the
 * level-2 upline of the member's own invitees to the new inviter, and records history and events for
 * all of it; a refusal is recorded too. Returns which members' chains changed, for the cache.
 */
@Service
public class Binder {

    private final Relations relations;
    private final RelationHistory history;
    private final InviterRateLimit rateLimit;
    private final Outbox outbox;
    private final IdGenerator ids;

    public Binder(
            Relations relations, RelationHistory history, InviterRateLimit rateLimit, Outbox outbox, IdGenerator ids) {
        this.relations = relations;
        this.history = history;
        this.rateLimit = rateLimit;
        this.outbox = outbox;
        this.ids = ids;
    }

    /**
     * {@code newMember}: the member was inserted in this same transaction, so nobody can have bound to
     * its code yet: it has no invitees, no paid order, and cannot sit above anyone, which spares the
     * graph walk and the locks on its (empty) invitee range.
     */
    /** {@code nickname}: the member's own nickname (may be null), announced masked with the binding. */
    public record Attempt(
            long userId,
            String rawCode,
            BindChannel channel,
            String deviceId,
            String ip,
            boolean newMember,
            String nickname) {

        public Attempt(long userId, String rawCode, BindChannel channel, String deviceId, String ip) {
            this(userId, rawCode, channel, deviceId, ip, false, null);
        }
    }

    private static final InviterGraph NOBODY_ABOVE = memberId -> null;

    public record Result(Decision decision, Set<Long> changed) {

        public Optional<BindRefusal> refusal() {
            return decision instanceof Decision.Refuse r ? Optional.of(r.reason()) : Optional.empty();
        }

        /** The inviter the member is bound to now, if any. */
        public Optional<Long> inviterId() {
            if (decision instanceof Decision.Bind b) {
                return Optional.of(b.inviterId());
            }
            if (decision instanceof Decision.Unchanged u) {
                return Optional.of(u.inviterId());
            }
            return Optional.empty();
        }
    }

    public Result attempt(Attempt a, Instant now) {
        Set<Long> changed = new LinkedHashSet<>();
        Optional<String> code = InviteCodes.normalise(a.rawCode());
        Relations.Bound user = a.newMember()
                ? new Relations.Bound(a.userId(), null, null, null, null, false, false)
                : relations
                        .lockMember(a.userId())
                        .orElseThrow(() -> new com.fenxiao.common.error.PlatformException.NotFound(
                                "MEMBER_NOT_FOUND", "会员不存在,请先登录注册"));
        BindingRules.CodeOwner owner = code.flatMap(relations::codeOwner).orElse(null);
        Decision decision = BindingRules.decide(
                new BindingRules.Candidate(user.userId(), user.inviterId(), user.hasPaidOrder()),
                owner,
                a.newMember() ? NOBODY_ABOVE : relations.lockingGraph());
        if (decision instanceof Decision.Bind bind) {
            if (!rateLimit.tryAcquire(bind.inviterId(), a.userId(), now)) {
                changed.add(bind.inviterId()); // flagged
                decision = new Decision.Refuse(BindRefusal.RATE_LIMITED);
            } else if (!relations.bindIfUnbound(a.userId(), bind.inviterId(), bind.inviterL2Id(), a.channel(), now)) {
                rateLimit.release(bind.inviterId(), a.userId());
                decision = new Decision.Refuse(
                        relations.hasPaidOrder(a.userId()) ? BindRefusal.HAS_PAID_ORDER : BindRefusal.ALREADY_BOUND);
            } else {
                changed.addAll(bound(a, bind, code.orElse(null), now));
                return new Result(decision, changed);
            }
        }
        if (decision instanceof Decision.Refuse refuse) {
            String shownCode = code.orElse(truncate(a.rawCode()));
            history.append(List.of(new RelationHistory.Entry(
                    ids.nextId(),
                    a.userId(),
                    Action.REFUSED,
                    owner == null ? null : owner.id(),
                    null,
                    shownCode,
                    a.channel().name(),
                    refuse.reason().code(),
                    a.deviceId(),
                    a.ip(),
                    null,
                    null,
                    now)));
            outbox.append(
                    a.userId(),
                    new RelationRefused(a.userId(), shownCode, refuse.reason().code(), now));
        }
        return new Result(decision, changed);
    }

    private Set<Long> bound(Attempt a, Decision.Bind bind, String code, Instant now) {
        Set<Long> changed = new LinkedHashSet<>();
        changed.add(a.userId());
        List<RelationHistory.Entry> entries = new ArrayList<>();
        List<Outbox.Pending> events = new ArrayList<>();
        entries.add(new RelationHistory.Entry(
                ids.nextId(),
                a.userId(),
                Action.BOUND,
                bind.inviterId(),
                bind.inviterL2Id(),
                code,
                a.channel().name(),
                null,
                a.deviceId(),
                a.ip(),
                null,
                null,
                now));
        events.add(new Outbox.Pending(
                a.userId(),
                new RelationBound(
                        a.userId(),
                        bind.inviterId(),
                        bind.inviterL2Id(),
                        a.channel().name(),
                        now,
                        announcedNickname(a.nickname()))));
        // the member's own invitees now have the new inviter as their level-2 upline
        List<Relations.Invitee> invitees = a.newMember() ? List.of() : relations.lockInvitees(a.userId());
        if (!invitees.isEmpty()) {
            relations.setUplineOfInvitees(a.userId(), bind.inviterId(), now);
            for (Relations.Invitee invitee : invitees) {
                changed.add(invitee.userId());
                entries.add(uplineChanged(invitee, a.userId(), bind.inviterId(), null, null, now));
                events.add(new Outbox.Pending(
                        invitee.userId(),
                        new RelationBound(invitee.userId(), a.userId(), bind.inviterId(), invitee.channel(), now)));
            }
        }
        history.append(entries);
        outbox.appendAll(events);
        return changed;
    }

    RelationHistory.Entry uplineChanged(
            Relations.Invitee invitee, long inviterId, Long newL2, Long operatorId, Long approvalId, Instant now) {
        return new RelationHistory.Entry(
                ids.nextId(),
                invitee.userId(),
                Action.UPLINE_CHANGED,
                inviterId,
                newL2,
                null,
                invitee.channel(),
                null,
                null,
                null,
                operatorId,
                approvalId,
                now);
    }

    private static String truncate(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        return s.length() > 16 ? s.substring(0, 16) : s;
    }

    /** What commission-engine may show of the member as a buyer: masked here, absent when there is none. */
    static String announcedNickname(String nickname) {
        return nickname == null || nickname.isBlank() ? null : NicknameMask.mask(nickname);
    }
}
