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
