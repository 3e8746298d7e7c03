package com.fenxiao.settlement.reconciliation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §8 arithmetic: gross margin, commission share, alert, and the cost that refunds take back. */
class ReconciliationArithmeticTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-25");

    @Test
    void margin_is_paid_minus_refunded_minus_cost_and_the_share_is_rounded_down() {
        MarginShare m = MarginShare.of(24_900, 10_950, 8_400, 2_000, 5_000);

        assertThat(m.grossMarginFen()).isEqualTo(5_550);
        // 2000 / 5550 = 36.036 % → 3603 bp
        assertThat(m.commissionShareBp()).isEqualTo(3_603);
        assertThat(m.alert()).isFalse();
    }

    @Test
    void exactly_the_configured_share_does_not_alert_and_one_fen_more_does() {
        assertThat(MarginShare.of(10_000, 0, 6_000, 2_000, 5_000).alert()).isFalse();
        assertThat(MarginShare.of(10_000, 0, 6_000, 2_000, 5_000).commissionShareBp())
                .isEqualTo(5_000);

        MarginShare over = MarginShare.of(10_000, 0, 6_000, 2_001, 5_000);
        assertThat(over.commissionShareBp()).isEqualTo(5_002);
        assertThat(over.alert()).isTrue();
    }

    @Test
    void the_alert_compares_exact_amounts_not_the_rounded_share() {
        // 250 of a margin of 499 is 50.10 %: above half
        assertThat(MarginShare.of(999, 0, 500, 250, 5_000).alert()).isTrue();
        // half of 5001 is 2500.5: 2500 stays below and 2501 goes above, whatever the rounded share shows
        assertThat(MarginShare.of(5_001, 0, 0, 2_500, 5_000).alert()).isFalse();
        assertThat(MarginShare.of(5_001, 0, 0, 2_501, 5_000).alert()).isTrue();
    }

    @Test
    void without_a_positive_margin_there_is_no_share_and_any_commission_alerts() {
        MarginShare none = MarginShare.of(1_000, 200, 800, 0, 5_000);
        assertThat(none.grossMarginFen()).isZero();
        assertThat(none.commissionShareBp()).isNull();
        assertThat(none.alert()).isFalse();

        MarginShare loss = MarginShare.of(1_000, 500, 800, 1, 5_000);
        assertThat(loss.grossMarginFen()).isEqualTo(-300);
        assertThat(loss.commissionShareBp()).isNull();
        assertThat(loss.alert()).isTrue();

        assertThat(MarginShare.of(0, 0, 0, 10, 5_000).alert()).isTrue();
    }

    @Test
    void a_payment_adds_paid_and_cost_per_product() {
        ReconciledOrder.Change paid = ReconciledOrder.unheardOf("O1")
                .pay(
                        DAY,
                        List.of(
                                item("i1", "P1", 19_900, 12_000),
                                item("i2", "P2", 999, 500),
                                item("i3", "P1", 100, 50)));

        assertThat(paid.order().paidDay()).isEqualTo(DAY);
        assertThat(paid.deltaByProduct())
                .isEqualTo(Map.of("P1", new ProductDelta(20_000, 0, 12_050), "P2", new ProductDelta(999, 0, 500)));
    }

    @Test
    void a_partial_refund_returns_the_cost_in_proportion_rounded_down() {
        ReconciledOrder paid = ReconciledOrder.unheardOf("O1")
                .pay(DAY, List.of(item("i1", "P1", 19_900, 12_001)))
                .order();

        ReconciledOrder.Change refunded = paid.refund(refund("R1", "i1", 9_950));

        // 12001 × 9950 / 19900 = 6000.5 → 6000
        assertThat(refunded.deltaByProduct()).isEqualTo(Map.of("P1", new ProductDelta(0, 9_950, -6_000)));
        assertThat(refunded.order().knowsRefund("R1")).isTrue();
    }

    @Test
    void partial_refunds_that_add_up_to_the_whole_item_return_its_whole_cost() {
        ReconciledOrder order = ReconciledOrder.unheardOf("O1")
                .pay(DAY, List.of(item("i1", "P1", 300, 100)))
                .order();
        long costBack = 0;
        for (String id : List.of("R1", "R2", "R3")) {
            ReconciledOrder.Change c = order.refund(refund(id, "i1", 100));
            costBack -= c.deltaByProduct().get("P1").costFen();
            order = c.order();
        }
        // floor(100/3) three times would be 99; cumulative rounding gives 33, 33, 34
        assertThat(costBack).isEqualTo(100);
    }

    @Test
    void a_refund_seen_again_changes_nothing() {
        ReconciledOrder order = ReconciledOrder.unheardOf("O1")
                .pay(DAY, List.of(item("i1", "P1", 5_000, 3_000)))
                .order()
                .refund(refund("R1", "i1", 1_000))
                .order();

        ReconciledOrder.Change again = order.refund(refund("R1", "i1", 1_000));

        assertThat(again.order()).isEqualTo(order);
        assertThat(again.deltaByProduct()).isEmpty();
    }

    @Test
    void a_payment_seen_again_changes_nothing() {
        ReconciledOrder order = ReconciledOrder.unheardOf("O1")
                .pay(DAY, List.of(item("i1", "P1", 5_000, 3_000)))
                .order();

        ReconciledOrder.Change again = order.pay(DAY.plusDays(1), List.of(item("i1", "P1", 5_000, 3_000)));

        assertThat(again.order()).isEqualTo(order);
        assertThat(again.deltaByProduct()).isEmpty();
    }

    @Test
    void a_refund_before_its_payment_is_kept_and_counted_with_the_payment() {
        ReconciledOrder.Change early = ReconciledOrder.unheardOf("O2").refund(refund("R2", "i1", 1_000));
        assertThat(early.deltaByProduct()).isEmpty();
        assertThat(early.order().paid()).isFalse();

        ReconciledOrder.Change paid = early.order().pay(DAY, List.of(item("i1", "P1", 5_000, 3_000)));

        // 3000 × 1000 / 5000 = 600 of cost back
        assertThat(paid.deltaByProduct()).isEqualTo(Map.of("P1", new ProductDelta(5_000, 1_000, 2_400)));
        assertThat(paid.order().knowsRefund("R2")).isTrue();
    }

    @Test
    void a_refund_of_an_item_the_order_does_not_have_counts_nothing() {
        ReconciledOrder paid = ReconciledOrder.unheardOf("O1")
                .pay(DAY, List.of(item("i1", "P1", 5_000, 3_000)))
                .order();

        ReconciledOrder.Change c = paid.refund(refund("R9", "nope", 100));

        assertThat(c.deltaByProduct()).isEmpty();
        assertThat(c.order().knowsRefund("R9")).isTrue();
    }

    @Test
    void returned_cost_is_capped_at_the_cost_and_a_free_item_returns_all_of_it() {
        assertThat(ReconciledOrder.returnedCost(3_000, 5_000, 6_000)).isEqualTo(3_000);
        assertThat(ReconciledOrder.returnedCost(3_000, 0, 1)).isEqualTo(3_000);
        assertThat(ReconciledOrder.returnedCost(3_000, 5_000, 0)).isZero();
        assertThat(ReconciledOrder.returnedCost(0, 5_000, 5_000)).isZero();
    }

    private static PaidItem item(String id, String product, long paid, long cost) {
        return new PaidItem(id, product, paid, cost);
    }

    private static OrderRefund refund(String id, String item, long fen) {
        return new OrderRefund(id, List.of(new OrderRefund.Line(item, fen)));
    }
}
