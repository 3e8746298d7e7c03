package com.fenxiao.settlement.commission.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalPaid;
import com.fenxiao.common.messaging.EnvelopeListener;
import com.fenxiao.settlement.commission.application.MarkWithdrawn;

/** A paid withdrawal marks the promoter's oldest available commissions withdrawn (SPEC §5). */
public class WithdrawalEventsListener extends EnvelopeListener {

    private final MarkWithdrawn markWithdrawn;

    public WithdrawalEventsListener(EventCodec codec, MarkWithdrawn markWithdrawn) {
        super(codec, "withdrawal events");
        this.markWithdrawn = markWithdrawn;
    }

    @Override
    protected void handle(EventEnvelope envelope) throws MalformedEventException {
        if ("WITHDRAWAL_PAID".equals(envelope.type())) {
            WithdrawalPaid paid = codec.payloadOf(envelope, WithdrawalPaid.class);
            markWithdrawn.apply(paid.promoterId(), paid.withdrawalId(), paid.amountFen());
        }
    }
}
