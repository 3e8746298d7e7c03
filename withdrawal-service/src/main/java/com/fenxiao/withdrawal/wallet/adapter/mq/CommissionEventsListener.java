package com.fenxiao.withdrawal.wallet.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.commission.v1.CommissionAdjusted;
import com.fenxiao.common.event.commission.v1.CommissionCancelled;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.CommissionSettled;
import com.fenxiao.common.messaging.BatchEnvelopeListener;
import com.fenxiao.common.messaging.RocketMqProperties;
import com.fenxiao.withdrawal.wallet.application.FollowCommission;
import com.fenxiao.withdrawal.wallet.domain.CommissionChange;

/**
 * COMMISSION_EVENTS into the wallet, a batch at a time into {@link FollowCommission#applyAll}; a failed
 * batch is retried, then redelivered.
 */
public class CommissionEventsListener extends BatchEnvelopeListener<CommissionChange> {

    static final String TAGS = "COMMISSION_CREATED || COMMISSION_ADJUSTED || COMMISSION_CANCELLED"
            + " || COMMISSION_SETTLED || COMMISSION_REVERSED";

    public CommissionEventsListener(EventCodec codec, FollowCommission follow, RocketMqProperties.Batch settings) {
        super(codec, "commission events", follow::applyAll, settings);
    }

    @Override
    protected CommissionChange factOf(EventEnvelope envelope) throws MalformedEventException {
        return switch (envelope.type()) {
            case "COMMISSION_CREATED" -> {
                CommissionCreated c = codec.payloadOf(envelope, CommissionCreated.class);
                yield new CommissionChange.Created(c.commissionId(), c.promoterId(), c.amountFen(), c.recordVersion());
            }
            case "COMMISSION_ADJUSTED" -> {
                CommissionAdjusted a = codec.payloadOf(envelope, CommissionAdjusted.class);
                yield new CommissionChange.Adjusted(
                        a.commissionId(), a.promoterId(), a.amountFen(), a.recordVersion(), envelope.eventId());
            }
            case "COMMISSION_CANCELLED" -> {
                CommissionCancelled x = codec.payloadOf(envelope, CommissionCancelled.class);
                yield new CommissionChange.Cancelled(x.commissionId(), x.promoterId());
            }
            case "COMMISSION_SETTLED" -> {
                CommissionSettled s = codec.payloadOf(envelope, CommissionSettled.class);
                yield new CommissionChange.Settled(s.commissionId(), s.promoterId(), s.amountFen());
            }
            case "COMMISSION_REVERSED" -> {
                CommissionReversed r = codec.payloadOf(envelope, CommissionReversed.class);
                yield new CommissionChange.Reversed(r.commissionId(), r.promoterId(), r.refundId(), r.amountFen());
            }
            default -> null; // completed, withdrawn: nothing for the wallet
        };
    }
}
