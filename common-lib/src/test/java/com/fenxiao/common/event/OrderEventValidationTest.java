package com.fenxiao.common.event;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fenxiao.common.event.order.v1.OrderCompleted;
import com.fenxiao.common.event.order.v1.OrderEvent;
import com.fenxiao.common.event.order.v1.OrderPaid;
import com.fenxiao.common.event.order.v1.OrderRefunded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderEventValidationTest {

    private static final Instant PAID_AT = Instant.parse("2026-11-25T02:00:00Z");

    private final EventCodec codec = new EventCodec();

    // --- the API.md samples are valid ---

    @Test
    void accepts_the_api_samples() throws Exception {
        List<String> samples = List.of(
                """
                {"eventId":"e-1","type":"PAID","orderId":"100001","orderNo":"SO100001","buyerId":42,
                 "occurredAt":"2026-11-25T10:00:00+08:00",
                 "items":[{"itemId":"1","productId":"P1","quantity":2,"paidFen":19900,"costFen":12000}]}
                """,
                """
                {"eventId":"e-2","type":"COMPLETED","orderId":"100001","occurredAt":"2026-11-28T10:00:00+08:00"}
                """,
                """
                {"eventId":"e-3","type":"REFUNDED","orderId":"100001","refundId":"R1","occurredAt":"2026-11-26T10:00:00+08:00",
                 "items":[{"itemId":"1","refundFen":9950}]}
                """);
        for (String json : samples) {
            OrderEvent event = codec.read(json, OrderEvent.class);
            assertThatCode(event::validate).as(json).doesNotThrowAnyException();
        }
    }

    @Test
    void accepts_a_free_item_and_an_id_of_exactly_64_characters() {
        String longest = "x".repeat(OrderEvent.MAX_ID_LENGTH);

        assertThatCode(() -> aPaidOrder()
                        .withOrderId(longest)
                        .withItems(anItem("1").paidFen(0).costFen(0))
                        .build()
                        .validate())
                .doesNotThrowAnyException();
    }

    // --- order paid ---

    @Test
    void refuses_a_paid_order_without_event_id() {
        assertRefused(aPaidOrder().withEventId(null).build(), "eventId");
    }

    @Test
    void refuses_a_paid_order_with_a_blank_order_id() {
        assertRefused(aPaidOrder().withOrderId("  ").build(), "orderId");
    }

    @Test
    void refuses_a_paid_order_without_order_number() {
        assertRefused(aPaidOrder().withOrderNo("").build(), "orderNo");
    }

    @Test
    void refuses_a_paid_order_without_occurred_at() {
        assertRefused(aPaidOrder().withOccurredAt(null).build(), "occurredAt");
    }

    @Test
    void refuses_a_paid_order_of_buyer_zero() {
        assertRefused(aPaidOrder().withBuyerId(0).build(), "buyerId");
    }

    @Test
    void refuses_a_paid_order_without_items() {
        assertRefused(aPaidOrder().withItems().build(), "items");
        assertRefused(aPaidOrder().withoutItemList().build(), "items");
    }

    @Test
    void refuses_a_paid_order_listing_an_item_twice() {
        assertRefused(aPaidOrder().withItems(anItem("1"), anItem("1")).build(), "duplicate itemId");
    }

    @Test
    void refuses_a_paid_item_of_quantity_zero() {
        assertRefused(aPaidOrder().withItems(anItem("1").quantity(0)).build(), "quantity");
    }

    @Test
    void refuses_a_paid_item_of_negative_amount() {
        assertRefused(aPaidOrder().withItems(anItem("1").paidFen(-1)).build(), "must not be negative");
        assertRefused(aPaidOrder().withItems(anItem("1").costFen(-1)).build(), "must not be negative");
    }

    @Test
    void refuses_a_paid_item_without_product() {
        assertRefused(aPaidOrder().withItems(anItem("1").productId(null)).build(), "productId");
    }

    @Test
    void refuses_ids_longer_than_64_characters() {
        String tooLong = "x".repeat(OrderEvent.MAX_ID_LENGTH + 1);

        assertRefused(aPaidOrder().withEventId(tooLong).build(), "eventId is longer than 64");
        assertRefused(aPaidOrder().withOrderId(tooLong).build(), "orderId is longer than 64");
        assertRefused(aPaidOrder().withItems(anItem(tooLong)).build(), "itemId is longer than 64");
        assertRefused(new OrderCompleted("e-2", tooLong, PAID_AT), "orderId is longer than 64");
        assertRefused(aRefund("R1", new OrderRefunded.Item(tooLong, 100)), "itemId is longer than 64");
    }

    @Test
    void refuses_more_items_than_an_order_may_hold() {
        List<ItemBuilder> items = new ArrayList<>();
        for (int i = 0; i <= OrderEvent.MAX_ITEMS; i++) {
            items.add(anItem(String.valueOf(i)));
        }

        assertRefused(aPaidOrder().withItems(items.toArray(ItemBuilder[]::new)).build(), "items");
    }

    // --- order completed ---

    @Test
    void refuses_a_completed_order_without_event_id_or_order_id() {
        assertRefused(new OrderCompleted(null, "100001", PAID_AT), "eventId");
        assertRefused(new OrderCompleted("e-2", "", PAID_AT), "orderId");
        assertRefused(new OrderCompleted("e-2", "100001", null), "occurredAt");
    }

    // --- order refunded ---

    @Test
    void refuses_a_refund_of_zero_fen() {
        assertRefused(aRefund("R1", new OrderRefunded.Item("1", 0)), "refundFen");
        assertRefused(aRefund("R1", new OrderRefunded.Item("1", -100)), "refundFen");
    }

    @Test
    void refuses_a_refund_without_refund_id() {
        assertRefused(aRefund(null, new OrderRefunded.Item("1", 9_950)), "refundId");
        assertRefused(aRefund(" ", new OrderRefunded.Item("1", 9_950)), "refundId");
    }

    @Test
    void refuses_a_refund_without_items_or_listing_an_item_twice() {
        assertRefused(aRefund("R1"), "items");
        assertRefused(
                aRefund("R1", new OrderRefunded.Item("1", 100), new OrderRefunded.Item("1", 200)), "duplicate itemId");
    }

    // --- text that is not an order event at all ---

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "[]",
                "",
                "null",
                "42",
                "{\"type\":\"NOPE\"}",
                "{\"eventId\":\"e-1\",\"orderId\":\"100001\"}",
                "{\"type\":\"PAID\",\"buyerId\":\"abc\"}",
                "{\"type\":\"PAID\",\"buyerId\":null}",
                "{\"type\":\"PAID\",\"items\":{\"itemId\":\"1\"}}",
                "{\"type\":\"PAID\",\"items\":[{\"itemId\":\"1\",\"quantity\":99999999999}]}",
                "{\"type\":\"COMPLETED\",\"occurredAt\":\"yesterday\"}"
            })
    void refuses_malformed_json_as_a_malformed_event(String json) {
        assertThatThrownBy(() -> codec.read(json, OrderEvent.class)).isInstanceOf(MalformedEventException.class);
    }

    // --- helpers ---

    private static void assertRefused(OrderEvent event, String reason) {
        assertThatThrownBy(event::validate)
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(reason);
    }

    private static OrderRefunded aRefund(String refundId, OrderRefunded.Item... items) {
        return new OrderRefunded("e-3", "100001", refundId, PAID_AT, List.of(items));
    }

    private static PaidOrderBuilder aPaidOrder() {
        return new PaidOrderBuilder();
    }

    private static ItemBuilder anItem(String itemId) {
        return new ItemBuilder(itemId);
    }

    private static final class PaidOrderBuilder {
        private String eventId = "e-1";
        private String orderId = "100001";
        private String orderNo = "SO100001";
        private long buyerId = 42;
        private Instant occurredAt = PAID_AT;
        private List<OrderPaid.Item> items = List.of(anItem("1").build());

        PaidOrderBuilder withEventId(String value) {
            eventId = value;
            return this;
        }

        PaidOrderBuilder withOrderId(String value) {
            orderId = value;
            return this;
        }

        PaidOrderBuilder withOrderNo(String value) {
            orderNo = value;
            return this;
        }

        PaidOrderBuilder withBuyerId(long value) {
            buyerId = value;
            return this;
        }

        PaidOrderBuilder withOccurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        PaidOrderBuilder withItems(ItemBuilder... value) {
            items = new ArrayList<>();
            for (ItemBuilder item : value) {
                items.add(item.build());
            }
            return this;
        }

        PaidOrderBuilder withoutItemList() {
            items = null;
            return this;
        }

        OrderPaid build() {
            return new OrderPaid(eventId, orderId, orderNo, buyerId, occurredAt, items);
        }
    }

    private static final class ItemBuilder {
        private final String itemId;
        private String productId = "P1";
        private int quantity = 2;
        private long paidFen = 19_900;
        private long costFen = 12_000;

        ItemBuilder(String itemId) {
            this.itemId = itemId;
        }

        ItemBuilder productId(String value) {
            productId = value;
            return this;
        }

        ItemBuilder quantity(int value) {
            quantity = value;
            return this;
        }

        ItemBuilder paidFen(long value) {
            paidFen = value;
            return this;
        }

        ItemBuilder costFen(long value) {
            costFen = value;
            return this;
        }

        OrderPaid.Item build() {
            return new OrderPaid.Item(itemId, productId, null, quantity, paidFen, costFen);
        }
    }
}
