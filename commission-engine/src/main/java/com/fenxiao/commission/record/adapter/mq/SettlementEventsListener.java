package com.fenxiao.commission.record.adapter.mq;

import com.fenxiao.commission.record.application.FollowSettlement;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.commission.v1.CommissionCancelled;
import com.fenxiao.common.event.commission.v1.CommissionOrigin;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.CommissionSettled;
import com.fenxiao.common.event.commission.v1.CommissionWithdrawn;
import com.fenxiao.common.messaging.EnvelopeListener;

/** Settlement's decisions on the commission topic; the engine's own events there are skipped. */
public class SettlementEventsListener extends EnvelopeListener {

    static final String TAGS =
            "COMMISSION_SETTLED || COMMISSION_WITHDRAWN || COMMISSION_CANCELLED || COMMISSION_REVERSED";

    private final FollowSettlement follow;

    public SettlementEventsListener(EventCodec codec, FollowSettlement follow) {
        super(codec, "settlement events");
        this.follow = follow;
    }

    @Override
    protected void handle(EventEnvelope envelope) throws MalformedEventException {
        String id = envelope.eventId();
        switch (envelope.type()) {
            case "COMMISSION_SETTLED" -> {
                CommissionSettled s = codec.payloadOf(envelope, CommissionSettled.class);
                follow.follow(id, s.promoterId(), s.commissionId(), (c, now) -> c.releasedBySettlement(now));
            }
            case "COMMISSION_WITHDRAWN" -> {
                CommissionWithdrawn w = codec.payloadOf(envelope, CommissionWithdrawn.class);
                follow.follow(id, w.promoterId(), w.commissionId(), (c, now) -> c.withdrawnBySettlement(now));
            }
            case "COMMISSION_CANCELLED" -> {
                CommissionCancelled c = codec.payloadOf(envelope, CommissionCancelled.class);
                if (CommissionOrigin.fromSettlement(c.origin())) {
                    follow.follow(id, c.promoterId(), c.commissionId(), (r, now) -> r.cancelledBySettlement(now));
                }
            }
            case "COMMISSION_REVERSED" -> {
                CommissionReversed r = codec.payloadOf(envelope, CommissionReversed.class);
                if (CommissionOrigin.fromSettlement(r.origin())) {
                    long remaining = r.remainingFen() == null ? 0 : r.remainingFen();
                    follow.follow(
                            id,
                            r.promoterId(),
                            r.commissionId(),
                            (c, now) -> c.reversedBySettlement(r.amountFen(), remaining, now));
                }
            }
            default -> {
                // the engine's own events
            }
        }
    }
}
