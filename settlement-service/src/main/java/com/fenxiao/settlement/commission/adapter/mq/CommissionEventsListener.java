package com.fenxiao.settlement.commission.adapter.mq;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.MalformedEventException;
import com.fenxiao.common.event.commission.v1.CommissionAdjusted;
import com.fenxiao.common.event.commission.v1.CommissionCancelled;
import com.fenxiao.common.event.commission.v1.CommissionCompleted;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.commission.v1.CommissionOrigin;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.ProductShare;
import com.fenxiao.common.messaging.BatchEnvelopeListener;
import com.fenxiao.common.messaging.RocketMqProperties;
import com.fenxiao.settlement.commission.application.RecordCommissionEvents;
import com.fenxiao.settlement.commission.domain.EngineFact;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's commission events, a batch at a time into {@link RecordCommissionEvents#recordAll};
 * settlement's own events on the same topic are skipped.
 */
public class CommissionEventsListener extends BatchEnvelopeListener<EngineFact> {

    static final String TAGS =
            "COMMISSION_CREATED || COMMISSION_ADJUSTED || COMMISSION_CANCELLED || COMMISSION_REVERSED"
                    + " || COMMISSION_COMPLETED";

    public CommissionEventsListener(
            EventCodec codec, RecordCommissionEvents record, RocketMqProperties.Batch settings) {
        super(codec, "commission events", record::recordAll, settings);
    }

    @Override
    protected EngineFact factOf(EventEnvelope envelope) throws MalformedEventException {
        return switch (envelope.type()) {
            case "COMMISSION_CREATED" -> {
                CommissionCreated c = codec.payloadOf(envelope, CommissionCreated.class);
                yield new EngineFact.Created(
                        c.commissionId(),
                        c.promoterId(),
                        c.orderId(),
                        c.recordVersion(),
                        c.level(),
                        c.amountFen(),
                        Boolean.TRUE.equals(c.held()),
                        c.holdReason(),
                        c.paidAt() == null ? c.createdAt() : c.paidAt(),
                        c.completedAt(),
                        products(c.products(), c.amountFen()));
            }
            case "COMMISSION_ADJUSTED" -> {
                CommissionAdjusted a = codec.payloadOf(envelope, CommissionAdjusted.class);
                String reference = a.refundId() != null
                        ? a.refundId()
                        : a.approvalId() != null ? "adjustment-" + a.approvalId() : "adjusted-" + envelope.eventId();
                yield new EngineFact.Adjusted(
                        a.commissionId(),
                        a.promoterId(),
                        a.orderId(),
                        a.recordVersion(),
                        a.amountFen(),
                        reference,
                        products(a.products(), a.amountFen()));
            }
            case "COMMISSION_CANCELLED" -> {
                CommissionCancelled c = codec.payloadOf(envelope, CommissionCancelled.class);
                if (CommissionOrigin.fromSettlement(c.origin())) {
                    yield null;
                }
                yield new EngineFact.Cancelled(
                        c.commissionId(),
                        c.promoterId(),
                        c.orderId(),
                        c.recordVersion(),
                        c.refundId() == null ? "cancelled-" + envelope.eventId() : c.refundId());
            }
            case "COMMISSION_REVERSED" -> {
                CommissionReversed r = codec.payloadOf(envelope, CommissionReversed.class);
                if (CommissionOrigin.fromSettlement(r.origin())) {
                    yield null;
                }
                long remaining = r.remainingFen() == null ? 0 : r.remainingFen();
                yield new EngineFact.Reversed(
                        r.commissionId(),
                        r.promoterId(),
                        r.orderId(),
                        r.recordVersion(),
                        r.amountFen(),
                        remaining,
                        r.refundId(),
                        products(r.products(), remaining));
            }
            case "COMMISSION_COMPLETED" -> {
                CommissionCompleted c = codec.payloadOf(envelope, CommissionCompleted.class);
                yield new EngineFact.Completed(
                        c.commissionId(),
                        c.promoterId(),
                        c.orderId(),
                        c.recordVersion(),
                        c.completedAt(),
                        c.productIds() == null ? List.of() : c.productIds());
            }
            default -> null;
        };
    }

    /** Older messages carry no split by product: the whole amount goes to an unnamed product. */
    private static Map<String, Long> products(List<ProductShare> shares, long amountFen) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (shares == null || shares.isEmpty()) {
            if (amountFen != 0) {
                out.put("", amountFen);
            }
            return out;
        }
        for (ProductShare s : shares) {
            out.merge(s.productId() == null ? "" : s.productId(), s.amountFen(), Math::addExact);
        }
        return out;
    }
}
