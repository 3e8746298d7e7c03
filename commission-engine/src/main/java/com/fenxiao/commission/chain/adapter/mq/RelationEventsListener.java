package com.fenxiao.commission.chain.adapter.mq;

import com.fenxiao.commission.chain.application.ApplyChainChange;
import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.member.application.ApplyMemberFlag;
import com.fenxiao.commission.member.application.ClearMemberFlag;
import com.fenxiao.commission.member.application.FollowMemberStatus;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.relation.v1.MemberDisabled;
import com.fenxiao.common.event.relation.v1.MemberEnabled;
import com.fenxiao.common.event.relation.v1.MemberFlagCleared;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.event.relation.v1.RelationUnbound;
import com.fenxiao.common.messaging.EnvelopeListener;

/**
 * Follows relation-service's bound / unbound announcements into the local buyer chains, and its member
 * flags (raised, cleared) and account status (disabled, enabled) into the local standings: flagged buyers
 * and promoters, and disabled earners, have the commissions of orders paid meanwhile held.
 */
public class RelationEventsListener extends EnvelopeListener {

    private final ApplyChainChange apply;
    private final ApplyMemberFlag flag;
    private final ClearMemberFlag clear;
    private final FollowMemberStatus status;

    public RelationEventsListener(
            EventCodec codec,
            ApplyChainChange apply,
            ApplyMemberFlag flag,
            ClearMemberFlag clear,
            FollowMemberStatus status) {
        super(codec, "relation events");
        this.apply = apply;
        this.flag = flag;
        this.clear = clear;
        this.status = status;
    }

    @Override
    protected void handle(EventEnvelope envelope) throws MalformedEventException {
        switch (envelope.type()) {
            case "RELATION_BOUND" -> {
                RelationBound bound = codec.payloadOf(envelope, RelationBound.class);
                apply.apply(
                        envelope.eventId(),
                        new Chain(
                                bound.userId(),
                                bound.inviterId(),
                                bound.inviterL2Id(),
                                bound.boundAt(),
                                bound.userNickname()));
            }
            case "RELATION_UNBOUND" -> {
                RelationUnbound unbound = codec.payloadOf(envelope, RelationUnbound.class);
                apply.apply(envelope.eventId(), Chain.unbound(unbound.userId(), unbound.unboundAt()));
            }
            case "MEMBER_FLAGGED" -> {
                MemberFlagged flagged = codec.payloadOf(envelope, MemberFlagged.class);
                flag.apply(envelope.eventId(), flagged.userId(), flagged.reason(), flagged.flaggedAt());
            }
            case "MEMBER_FLAG_CLEARED" -> {
                MemberFlagCleared cleared = codec.payloadOf(envelope, MemberFlagCleared.class);
                clear.apply(envelope.eventId(), cleared.userId(), cleared.reason(), cleared.clearedAt());
            }
            case "MEMBER_DISABLED" -> {
                MemberDisabled disabled = codec.payloadOf(envelope, MemberDisabled.class);
                status.apply(envelope.eventId(), disabled.userId(), true, disabled.disabledAt());
            }
            case "MEMBER_ENABLED" -> {
                MemberEnabled enabled = codec.payloadOf(envelope, MemberEnabled.class);
                status.apply(envelope.eventId(), enabled.userId(), false, enabled.enabledAt());
            }
            default -> {
                // other relation events do not change chains
            }
        }
    }
}
