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
import com.fenxiao.common.messaging.BatchEnvelopeListener;
import com.fenxiao.common.messaging.RocketMqProperties;

/**
 * Settlement's decisions on the commission topic, a batch at a time into {@link FollowSettlement#followAll};
 * the engine's own events there are skipped.
 */
public class SettlementEventsListener extends BatchEnvelopeListener<FollowSettlement.Decision> {

    static final String TAGS =
            "COMMISSION_SETTLED || COMMISSION_WITHDRAWN || COMMISSION_CANCELLED || COMMISSION_REVERSED";

    public SettlementEventsListener(EventCodec codec, FollowSettlement follow, RocketMqProperties.Batch settings) {
        super(codec, "settlement events", follow::followAll, settings);
    }

    @Override
    protected FollowSettlement.Decision factOf(EventEnvelope envelope) throws MalformedEventException {
        return switch (envelope.type()) {
            case "COMMISSION_SETTLED" -> {
                CommissionSettled s = codec.payloadOf(envelope, CommissionSettled.class);
                yield new FollowSettlement.Decision(
                        s.promoterId(), s.commissionId(), (c, now) -> c.releasedBySettlement(now));
            }
            case "COMMISSION_WITHDRAWN" -> {
                CommissionWithdrawn w = codec.payloadOf(envelope, CommissionWithdrawn.class);
                yield new FollowSettlement.Decision(
                        w.promoterId(), w.commissionId(), (c, now) -> c.withdrawnBySettlement(now));
            }
            case "COMMISSION_CANCELLED" -> {
                CommissionCancelled c = codec.payloadOf(envelope, CommissionCancelled.class);
                yield CommissionOrigin.fromSettlement(c.origin())
                        ? new FollowSettlement.Decision(
                                c.promoterId(), c.commissionId(), (r, now) -> r.cancelledBySettlement(now))
                        : null;
            }
            case "COMMISSION_REVERSED" -> {
                CommissionReversed r = codec.payloadOf(envelope, CommissionReversed.class);
                if (!CommissionOrigin.fromSettlement(r.origin())) {
                    yield null;
                }
                long remaining = r.remainingFen() == null ? 0 : r.remainingFen();
                yield new FollowSettlement.Decision(
                        r.promoterId(),
                        r.commissionId(),
                        (c, now) -> c.reversedBySettlement(r.amountFen(), remaining, now));
            }
            default -> null; // the engine's own events
        };
    }
}
