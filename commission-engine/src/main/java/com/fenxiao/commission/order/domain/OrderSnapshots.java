package com.fenxiao.commission.order.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Order snapshots, sharded by order id. Callers group ids by physical database before calling. */
public interface OrderSnapshots {

    /** The stored snapshots of these orders, locked for update in the caller's transaction. */
    Map<String, OrderSnapshot> lockAll(Collection<String> orderIds);

    void insertAll(List<OrderSnapshot> snapshots);

    void updateAll(List<OrderSnapshot> snapshots);

    Optional<OrderSnapshot> of(String orderId);
}
