package com.fenxiao.settlement.reconciliation.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.settlement.reconciliation.domain.OrderRefund;
import com.fenxiao.settlement.reconciliation.domain.PaidItem;
import com.fenxiao.settlement.reconciliation.domain.ReconciledOrder;
import com.fenxiao.settlement.reconciliation.domain.SettlementOrders;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code settlement_order} through the sharding layer (by order id). The row is created and locked in
 * one statement ({@code INSERT … ON DUPLICATE KEY UPDATE} takes the exclusive lock whether or not the
 * row existed), so a payment and a refund of one order handled at once queue up instead of deadlocking.
 */
@Repository
class JdbcSettlementOrders implements SettlementOrders {

    private static final TypeReference<List<PaidItem>> ITEMS = new TypeReference<>() {};
    private static final TypeReference<List<OrderRefund>> REFUNDS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    JdbcSettlementOrders(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @Override
    public ReconciledOrder lockOrCreate(String orderId) {
        jdbc.update(
                "INSERT INTO settlement_order (order_id, updated_at) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE updated_at = updated_at",
                orderId,
                Timestamp.from(clock.instant()));
        return jdbc.queryForObject(
                "SELECT paid_day, items, refunds FROM settlement_order WHERE order_id = ? FOR UPDATE",
                (rs, i) -> {
                    return new ReconciledOrder(
                            orderId,
                            rs.getObject(1, LocalDate.class),
                            read(rs.getString(2), ITEMS),
                            read(rs.getString(3), REFUNDS));
                },
                orderId);
    }

    @Override
    public void save(ReconciledOrder order) {
        int updated = jdbc.update(
                "UPDATE settlement_order SET paid_day = ?, items = ?, refunds = ?, updated_at = ? WHERE order_id = ?",
                order.paidDay() == null ? null : Date.valueOf(order.paidDay()),
                order.items().isEmpty() ? null : write(order.items()),
                order.refunds().isEmpty() ? null : write(order.refunds()),
                Timestamp.from(clock.instant()),
                order.orderId());
        if (updated != 1) {
            throw new IllegalStateException("settlement_order " + order.orderId() + " vanished");
        }
    }

    @Override
    public java.util.Map<String, ReconciledOrder> lockAll(
            com.fenxiao.common.shard.Shards.Shard shard, java.util.Collection<String> orderIds) {
        java.util.Map<String, ReconciledOrder> out = new java.util.LinkedHashMap<>();
        for (var e : shard.byTable("settlement_order", orderIds, id -> id).entrySet()) {
            shard.jdbc()
                    .query(
                            "SELECT order_id, paid_day, items, refunds FROM " + e.getKey() + " WHERE order_id IN ("
                                    + com.fenxiao.common.shard.Shards.marks(
                                            e.getValue().size())
                                    + ") ORDER BY order_id FOR UPDATE",
                            rs -> {
                                String id = rs.getString(1);
                                out.put(
                                        id,
                                        new ReconciledOrder(
                                                id,
                                                rs.getObject(2, LocalDate.class),
                                                read(rs.getString(3), ITEMS),
                                                read(rs.getString(4), REFUNDS)));
                            },
                            e.getValue().toArray());
        }
        return out;
    }

    @Override
    public void writeAll(
            com.fenxiao.common.shard.Shards.Shard shard, List<ReconciledOrder> created, List<ReconciledOrder> updated) {
        write(shard, created, "");
        write(
                shard,
                updated,
                " ON DUPLICATE KEY UPDATE paid_day = VALUES(paid_day), items = VALUES(items),"
                        + " refunds = VALUES(refunds), updated_at = VALUES(updated_at)");
    }

    private void write(com.fenxiao.common.shard.Shards.Shard shard, List<ReconciledOrder> orders, String tail) {
        Timestamp now = Timestamp.from(clock.instant());
        for (var e : shard.byTable("settlement_order", orders, ReconciledOrder::orderId)
                .entrySet()) {
            List<Object> args = new java.util.ArrayList<>();
            for (ReconciledOrder o : e.getValue()) {
                args.add(o.orderId());
                args.add(o.paidDay() == null ? null : Date.valueOf(o.paidDay()));
                args.add(o.items().isEmpty() ? null : write(o.items()));
                args.add(o.refunds().isEmpty() ? null : write(o.refunds()));
                args.add(now);
            }
            shard.jdbc()
                    .update(
                            "INSERT INTO " + e.getKey() + " (order_id, paid_day, items, refunds, updated_at) VALUES "
                                    + com.fenxiao.common.shard.Shards.rows(
                                            e.getValue().size(), 5) + tail,
                            args.toArray());
        }
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable settlement_order column: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
