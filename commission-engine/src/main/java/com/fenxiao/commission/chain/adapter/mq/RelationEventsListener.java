package com.fenxiao.commission.chain.adapter.mq;

import com.fenxiao.commission.chain.application.ApplyChainChange;
import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.member.application.ApplyMemberFlag;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.event.relation.v1.RelationUnbound;
import com.fenxiao.common.messaging.EnvelopeListener;

/**
 * Follows relation-service's bound / unbound announcements into the local buyer chains, and its
 * member flags into the local standings (flagged buyers and promoters have their commissions held).
 */
public class RelationEventsListener extends EnvelopeListener {

    private final ApplyChainChange apply;
    private final ApplyMemberFlag flag;

    public RelationEventsListener(EventCodec codec, ApplyChainChange apply, ApplyMemberFlag flag) {
        super(codec, "relation events");
        this.apply = apply;
        this.flag = flag;
    }

    @Override
    protected void handle(EventEnvelope envelope) throws MalformedEventException {
        switch (envelope.type()) {
            case "RELATION_BOUND" -> {
                RelationBound bound = codec.payloadOf(envelope, RelationBound.class);
                apply.apply(
                        envelope.eventId(),
                        new Chain(bound.userId(), bound.inviterId(), bound.inviterL2Id(), bound.boundAt()));
            }
            case "RELATION_UNBOUND" -> {
                RelationUnbound unbound = codec.payloadOf(envelope, RelationUnbound.class);
                apply.apply(envelope.eventId(), Chain.unbound(unbound.userId(), unbound.unboundAt()));
            }
            case "MEMBER_FLAGGED" -> {
                MemberFlagged flagged = codec.payloadOf(envelope, MemberFlagged.class);
                flag.apply(envelope.eventId(), flagged.userId(), flagged.reason(), flagged.flaggedAt());
            }
            default -> {
                // other relation events do not change chains
            }
        }
    }
}
