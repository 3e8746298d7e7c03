package com.fenxiao.commission.record.application;

import com.fenxiao.commission.order.domain.LevelPlan;
import com.fenxiao.commission.order.domain.OrderSnapshot;
import com.fenxiao.commission.order.domain.OrderSnapshots;
import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.Commissions;
import com.fenxiao.common.error.PlatformException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Staff view of one order: its snapshot and its records, found through the promoters it names. */
@Service
public class ViewOrder {

    private final OrderSnapshots snapshots;
    private final Commissions commissions;

    public ViewOrder(OrderSnapshots snapshots, Commissions commissions) {
        this.snapshots = snapshots;
        this.commissions = commissions;
    }

    public record OrderCommissions(OrderSnapshot order, List<Commission> commissions) {}

    public OrderCommissions of(String orderId) {
        OrderSnapshot order =
                snapshots.of(orderId).orElseThrow(() -> new PlatformException.NotFound("ORDER_NOT_FOUND", "订单不存在"));
        Set<Long> promoters = new LinkedHashSet<>();
        for (LevelPlan plan : order.levels()) {
            if (plan.commissioned()) {
                promoters.add(plan.promoterId());
            }
        }
        return new OrderCommissions(order, commissions.ofOrder(promoters, orderId));
    }
}
