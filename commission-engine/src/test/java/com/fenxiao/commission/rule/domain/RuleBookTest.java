package com.fenxiao.commission.rule.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-10T00:00:00Z");
    static final RateCaps CAPS = new RateCaps(3_000, 1_000);

    static RuleVersion v(long id, RuleScope scope, String scopeId, Integer l1, Integer l2, Instant from) {
        return new RuleVersion(id, scope, scopeId, l1, l2, null, true, false, from, id);
    }

    @Test
    void uses_the_configured_defaults_until_a_default_version_is_approved_and_then_for_orders_paid_after_it() {
        RuleBook book = new RuleBook(800, 300, true, CAPS, List.of(v(1, RuleScope.DEFAULT, "*", 1_000, 400, T1)));

        assertThat(book.ratesFor("P", null, T1.minusMillis(1))).isEqualTo(new ItemRates(800, 300, "DEFAULT"));
        assertThat(book.ratesFor("P", null, T1)).isEqualTo(new ItemRates(1_000, 400, "DEFAULT#1"));
    }

    @Test
    void prefers_the_product_over_its_category_over_the_defaults_rate_by_rate() {
        RuleBook book = new RuleBook(
                800,
                300,
                true,
                CAPS,
                List.of(v(1, RuleScope.CATEGORY, "C", 1_200, 500, T0), v(2, RuleScope.PRODUCT, "P", 1_500, null, T0)));

        ItemRates rates = book.ratesFor("P", "C", T1);

        assertThat(rates.level1Bp()).isEqualTo(1_500);
        assertThat(rates.level2Bp()).isEqualTo(500); // the product leaves level 2 to its category
        assertThat(rates.source()).isEqualTo("PRODUCT:P#2|CATEGORY:C#1");
        assertThat(book.ratesFor("Q", "C", T1).level1Bp()).isEqualTo(1_200);
        assertThat(book.ratesFor("Q", null, T1).level1Bp()).isEqualTo(800);
    }

    @Test
    void keeps_each_version_for_the_orders_paid_while_it_was_in_force() {
        RuleBook book = new RuleBook(
                800,
                300,
                true,
                CAPS,
                List.of(v(1, RuleScope.PRODUCT, "P", 1_000, 300, T0), v(2, RuleScope.PRODUCT, "P", 2_000, 300, T1)));

        assertThat(book.ratesFor("P", null, T0.minusSeconds(1)).level1Bp()).isEqualTo(800);
        assertThat(book.ratesFor("P", null, T0).level1Bp()).isEqualTo(1_000);
        assertThat(book.ratesFor("P", null, T1.minusSeconds(1)).level1Bp()).isEqualTo(1_000);
        assertThat(book.ratesFor("P", null, T1).level1Bp()).isEqualTo(2_000);
        assertThat(book.version()).isEqualTo(2);
    }

    @Test
    void pays_nothing_on_non_commissionable_and_qualification_products_even_when_their_category_pays() {
        RuleBook book = new RuleBook(
                800,
                300,
                true,
                CAPS,
                List.of(
                        v(1, RuleScope.CATEGORY, "C", 1_200, 500, T0),
                        new RuleVersion(2, RuleScope.PRODUCT, "GIFT", null, null, null, false, false, T0, 2L),
                        new RuleVersion(3, RuleScope.PRODUCT, "VIP-PACK", 2_000, 900, null, true, true, T0, 3L),
                        new RuleVersion(4, RuleScope.CATEGORY, "PACKS", null, null, null, true, true, T0, 4L)));

        assertThat(book.ratesFor("GIFT", "C", T1))
                .extracting(ItemRates::level1Bp, ItemRates::level2Bp)
                .containsExactly(0, 0);
        assertThat(book.ratesFor("VIP-PACK", "C", T1).source()).startsWith("QUALIFICATION:");
        assertThat(book.ratesFor("ANY", "PACKS", T1).level1Bp()).isZero();
    }

    @Test
    void caps_rates_when_computing_and_refuses_changes_above_the_caps() {
        RuleBook book = new RuleBook(800, 300, true, CAPS, List.of(v(1, RuleScope.PRODUCT, "P", 5_000, 2_000, T0)));
        assertThat(book.ratesFor("P", null, T1))
                .extracting(ItemRates::level1Bp, ItemRates::level2Bp)
                .containsExactly(3_000, 1_000);

        RuleChange tooHigh = new RuleChange(RuleScope.PRODUCT, "P", 3_001, null, null, true, false);
        assertThatThrownBy(() -> tooHigh.checkAgainst(CAPS))
                .isInstanceOf(RuleRefused.class)
                .extracting(e -> ((RuleRefused) e).code())
                .isEqualTo("RATE_ABOVE_CAP");
    }

    @Test
    void switches_level_two_off_for_orders_paid_after_the_switch_only() {
        RuleBook book = new RuleBook(
                800,
                300,
                true,
                CAPS,
                List.of(new RuleVersion(1, RuleScope.DEFAULT, "*", 800, 300, false, true, false, T1, 1L)));

        assertThat(book.level2Enabled(T1.minusMillis(1))).isTrue();
        assertThat(book.level2Enabled(T1)).isFalse();
        assertThat(new RuleBook(800, 300, false, CAPS, List.of()).level2Enabled(T1))
                .isFalse();
    }

    @Test
    void refuses_malformed_changes_with_a_code() {
        assertThatThrownBy(() -> new RuleChange(RuleScope.DEFAULT, null, 800, null, null, true, false))
                .extracting(e -> ((RuleRefused) e).code())
                .isEqualTo("RULE_DEFAULT_RATES_REQUIRED");
        assertThatThrownBy(() -> new RuleChange(RuleScope.PRODUCT, " ", 800, null, null, true, false))
                .extracting(e -> ((RuleRefused) e).code())
                .isEqualTo("RULE_SCOPE_ID_REQUIRED");
        assertThatThrownBy(() -> new RuleChange(RuleScope.PRODUCT, "P", null, null, false, true, false))
                .extracting(e -> ((RuleRefused) e).code())
                .isEqualTo("RULE_INVALID");
        assertThatThrownBy(() -> new RuleChange(RuleScope.CATEGORY, "C", -1, null, null, true, false))
                .extracting(e -> ((RuleRefused) e).code())
                .isEqualTo("RULE_RATE_OUT_OF_RANGE");
    }
}
