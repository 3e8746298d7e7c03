package com.fenxiao.commission.record.adapter.web;

import com.fenxiao.commission.order.domain.ChainUsed;
import com.fenxiao.commission.order.domain.LevelPlan;
import com.fenxiao.commission.order.domain.OrderLine;
import com.fenxiao.commission.order.domain.OrderSnapshot;
import com.fenxiao.commission.order.domain.RefundRecord;
import com.fenxiao.commission.record.application.ViewOrder;
import java.time.Instant;
import java.util.List;

/** Staff view of an order: items with paid and cost fen and rates, the chain used, levels, refunds, records. */
public record OrderCommissionsView(
        String orderId,
        String orderNo,
        String state,
        String buyerId,
        Instant paidAt,
        Instant completedAt,
        long paidFen,
        long costFen,
        long refundedFen,
        List<OrderLine> items,
        ChainView chain,
        List<LevelView> levels,
        List<RefundRecord> refunds,
        long ruleVersion,
        boolean level2Enabled,
        List<CommissionView> commissions) {

    /** Ids as strings: JavaScript loses precision above 2^53. */
    public record ChainView(String level1Id, String level2Id, Instant asOf, String check) {
        static ChainView of(ChainUsed c) {
            return c == null ? null : new ChainView(str(c.level1Id()), str(c.level2Id()), c.asOf(), c.check());
        }
    }

    public record LevelView(
            int level, String promoterId, String commissionId, String outcome, boolean held, String holdReason) {
        static LevelView of(LevelPlan p) {
            return new LevelView(
                    p.level(),
                    str(p.promoterId()),
                    str(p.commissionId()),
                    p.outcome().name(),
                    p.held(),
                    p.holdReason());
        }
    }

    private static String str(Long id) {
        return id == null ? null : id.toString();
    }

    static OrderCommissionsView of(ViewOrder.OrderCommissions oc) {
        OrderSnapshot o = oc.order();
        return new OrderCommissionsView(
                o.orderId(),
                o.orderNo(),
                o.state().name(),
                o.buyerId() == null ? null : o.buyerId().toString(),
                o.paidAt(),
                o.completedAt(),
                o.paidTotalFen(),
                o.costTotalFen(),
                o.refundedTotalFen(),
                o.lines(),
                ChainView.of(o.chain()),
                o.levels().stream().map(LevelView::of).toList(),
                o.refunds(),
                o.ruleVersion(),
                o.level2Enabled(),
                oc.commissions().stream().map(CommissionView::of).toList());
    }
}
