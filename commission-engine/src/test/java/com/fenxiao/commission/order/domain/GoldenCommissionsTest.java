package com.fenxiao.commission.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.chain.domain.ChainAtPayment;
import com.fenxiao.commission.member.domain.MemberStanding;
import com.fenxiao.commission.order.domain.CommissionProjection.ChangeKind;
import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.CommissionStatus;
import com.fenxiao.commission.record.domain.ItemShare;
import com.fenxiao.commission.rule.domain.ItemRates;
import com.fenxiao.commission.rule.domain.RateCaps;
import com.fenxiao.commission.rule.domain.RuleBook;
import com.fenxiao.commission.rule.domain.RuleScope;
import com.fenxiao.commission.rule.domain.RuleVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Golden cases of SPEC §4 with exact fen, through the same two steps the engine runs on every batch
 * (facts onto the order snapshot, then changes onto the commission records). Every figure below is
 * worked out by hand in the comment next to it.
 */
class GoldenCommissionsTest {

    static final long BUYER = 42;
    static final long L1 = 7;
    static final long L2 = 3;
    static final Instant BOUND = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant PAID = Instant.parse("2026-11-25T02:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-25T02:00:05Z");

    final Engine engine = new Engine();

    @Test
    void pays_the_defaults_of_800_and_300_bp_per_item() {
        engine.order("O1").paid(item("1", "P1", 19_900), item("2", "P2", 999));

        // level 1: floor(19900 × 8%) = 1592, floor(999 × 8%) = floor(79.92) = 79 → 1671
        // level 2: floor(19900 × 3%) = 597, floor(999 × 3%) = floor(29.97) = 29 → 626
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 1_671L, 2, 626L));
        assertThat(engine.record("O1", 1).promoterId()).isEqualTo(L1);
        assertThat(engine.record("O1", 2).promoterId()).isEqualTo(L2);
        assertThat(engine.events("O1")).containsExactly("CREATED 1 1671", "CREATED 2 626");
    }

    @Test
    void uses_a_products_own_rates_instead_of_the_defaults() {
        engine.rule(product("P1", 1_200, 450, PAID.minusSeconds(3600)));

        engine.order("O1").paid(item("1", "P1", 10_000));
        engine.order("O2").paid(item("1", "P9", 10_000));

        // P1: 10000 × 12% = 1200, × 4.5% = 450; P9 has no rule: 10000 × 8% = 800, × 3% = 300
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 1_200L, 2, 450L));
        assertThat(engine.amounts("O2")).isEqualTo(Map.of(1, 800L, 2, 300L));
        assertThat(engine.record("O1", 1).breakdown())
                .extracting(ItemShare::rateBp)
                .containsExactly(1_200);
        assertThat(engine.record("O1", 1).breakdown().get(0).rateSource()).startsWith("PRODUCT:P1#");
        assertThat(engine.record("O2", 1).breakdown().get(0).rateSource()).isEqualTo("DEFAULT");
    }

    @Test
    void rounds_down_per_item_not_on_the_total() {
        engine.order("O1").paid(item("1", "P1", 999), item("2", "P2", 999));

        // per item: floor(79.92) + floor(79.92) = 158 (on the total it would be floor(159.84) = 159)
        // level 2: floor(29.97) + floor(29.97) = 58 (on the total: floor(59.94) = 59)
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 158L, 2, 58L));
        assertThat(engine.record("O1", 1).breakdown())
                .extracting(ItemShare::amountFen)
                .containsExactly(79L, 79L);
    }

    @Test
    void computes_two_items_with_different_rates_each_at_its_own_rate() {
        engine.rule(product("P1", 1_000, 500, PAID.minusSeconds(60)));

        engine.order("O1").paid(item("1", "P1", 19_900), item("2", "P2", 999));

        // level 1: floor(19900 × 10%) = 1990 + floor(999 × 8%) = 79 → 2069
        // level 2: floor(19900 × 5%) = 995 + floor(999 × 3%) = 29 → 1024
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 2_069L, 2, 1_024L));
        assertThat(engine.record("O1", 1).breakdown())
                .extracting(ItemShare::rateBp)
                .containsExactly(1_000, 800);
        assertThat(engine.record("O1", 2).breakdown())
                .extracting(ItemShare::rateBp)
                .containsExactly(500, 300);
        assertThat(engine.record("O1", 1).rateBp()).isEqualTo(1_000);
    }

    @Test
    void takes_a_category_rate_when_the_product_has_none_and_caps_every_rate() {
        RateCaps caps = new RateCaps(1_500, 500);
        Engine capped = new Engine(caps);
        capped.rule(category("C1", 1_400, 400, PAID.minusSeconds(60)));
        // a version stored above today's caps (caps lowered later) is still capped when computing
        capped.rule(product("P7", 2_000, 900, PAID.minusSeconds(60)));

        capped.order("O1").paid(itemIn("1", "P1", "C1", 10_000), itemIn("2", "P7", "C1", 10_000));

        // item 1: category 14% / 4% → 1400 / 400; item 2: product 20% / 9% capped to 15% / 5% → 1500 / 500
        assertThat(capped.amounts("O1")).isEqualTo(Map.of(1, 2_900L, 2, 900L));
    }

    @Test
    void skips_the_level_whose_promoter_is_the_buyer() {
        engine.chain(BUYER, BUYER, L2); // a corrupt chain naming the buyer at level 1

        engine.order("O1").paid(item("1", "P1", 10_000));

        assertThat(engine.amounts("O1")).isEqualTo(Map.of(2, 300L));
        assertThat(engine.snapshot("O1").level(1).outcome()).isEqualTo(LevelOutcome.SELF_PURCHASE);
    }

    @Test
    void pays_level_one_only_when_level_two_is_switched_off_for_orders_paid_afterwards() {
        Instant switchedOff = PAID.minusSeconds(60);
        engine.order("BEFORE").paidAt(switchedOff.minusSeconds(1), item("1", "P1", 10_000));
        engine.rule(new RuleVersion(90, RuleScope.DEFAULT, "*", 800, 300, false, true, false, switchedOff, 9L));

        engine.order("AFTER").paid(item("1", "P1", 10_000));
        // an order paid before the switch whose event arrives only now keeps its level 2
        engine.order("LATE").paidAt(switchedOff.minusSeconds(30), item("1", "P1", 10_000));

        assertThat(engine.amounts("AFTER")).isEqualTo(Map.of(1, 800L));
        assertThat(engine.snapshot("AFTER").level(2).outcome()).isEqualTo(LevelOutcome.LEVEL2_OFF);
        assertThat(engine.amounts("BEFORE")).isEqualTo(Map.of(1, 800L, 2, 300L));
        assertThat(engine.amounts("LATE")).isEqualTo(Map.of(1, 800L, 2, 300L));
    }

    @Test
    void earns_nothing_on_a_non_commissionable_item_or_a_distribution_qualification_product() {
        engine.rule(new RuleVersion(
                91, RuleScope.PRODUCT, "GIFT", null, null, null, false, false, PAID.minusSeconds(60), 9L));
        engine.rule(new RuleVersion(
                92, RuleScope.PRODUCT, "STARTER", 5_000, 2_000, null, true, true, PAID.minusSeconds(60), 9L));

        engine.order("O1").paid(item("1", "P1", 10_000), item("2", "GIFT", 5_000));
        engine.order("O2").paid(item("1", "STARTER", 39_900));

        // O1: 10000 × 8% + 0 = 800; 10000 × 3% + 0 = 300
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 800L, 2, 300L));
        assertThat(engine.record("O1", 1).breakdown().get(1))
                .extracting(ItemShare::rateBp, ItemShare::amountFen)
                .containsExactly(0, 0L);
        assertThat(engine.record("O1", 1).breakdown().get(1).rateSource()).startsWith("NON_COMMISSIONABLE:");
        // O2: a qualification product never earns, whatever rates its version names
        assertThat(engine.amounts("O2")).isEmpty();
        assertThat(engine.snapshot("O2").level(1).outcome()).isEqualTo(LevelOutcome.ZERO_AMOUNT);
        assertThat(engine.snapshot("O2").lines().get(0).rateSource()).startsWith("QUALIFICATION:");
    }

    @Test
    void recomputes_item_by_item_when_one_item_of_two_is_partly_refunded() {
        engine.order("O1").paid(item("1", "P1", 2, 19_900), item("2", "P2", 999));
        engine.order("O1").refunded("R1", refund("1", 9_950));

        // level 1: floor(9950 × 8%) = 796 + 79 = 875 (was 1671: −796)
        // level 2: floor(9950 × 3%) = floor(298.5) = 298 + 29 = 327 (was 626: −299)
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 875L, 2, 327L));
        assertThat(engine.events("O1"))
                .containsExactly("CREATED 1 1671", "CREATED 2 626", "ADJUSTED 1 -796 R1", "ADJUSTED 2 -299 R1");
        assertThat(engine.record("O1", 1).originalAmountFen()).isEqualTo(1_671);
        assertThat(engine.record("O1", 1).breakdown().get(0).refundedFen()).isEqualTo(9_950);
        assertThat(engine.record("O1", 1).status()).isEqualTo(CommissionStatus.PENDING);
    }

    @Test
    void cancels_on_a_full_refund() {
        engine.order("O1").paid(item("1", "P1", 19_900), item("2", "P2", 999));
        engine.order("O1").refunded("R1", refund("1", 19_900), refund("2", 999));

        assertThat(engine.record("O1", 1).status()).isEqualTo(CommissionStatus.CANCELLED);
        assertThat(engine.record("O1", 2).status()).isEqualTo(CommissionStatus.CANCELLED);
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 0L, 2, 0L));
        assertThat(engine.events("O1"))
                .containsExactly("CREATED 1 1671", "CREATED 2 626", "CANCELLED 1 1671 R1", "CANCELLED 2 626 R1");
    }

    @Test
    void cancels_when_refunds_in_two_steps_add_up_to_everything() {
        engine.order("O1").paid(item("1", "P1", 10_000));
        engine.order("O1").refunded("R1", refund("1", 4_000));
        engine.order("O1").refunded("R2", refund("1", 6_000));

        // 800 → floor(6000 × 8%) = 480 (−320) → cancelled (480 cancelled)
        assertThat(engine.events("O1"))
                .containsExactly(
                        "CREATED 1 800",
                        "CREATED 2 300",
                        "ADJUSTED 1 -320 R1",
                        "ADJUSTED 2 -120 R1",
                        "CANCELLED 1 480 R2",
                        "CANCELLED 2 180 R2");
    }

    @Test
    void applies_a_refund_that_arrived_before_the_payment_when_the_payment_arrives() {
        engine.order("O1").refunded("R1", refund("1", 9_950));
        assertThat(engine.snapshot("O1").state()).isEqualTo(OrderState.AWAITING_PAYMENT);
        assertThat(engine.amounts("O1")).isEmpty();

        engine.order("O1").paid(item("1", "P1", 2, 19_900), item("2", "P2", 999));

        // created on what remains paid: 796 + 79 = 875 and 298 + 29 = 327, without an adjustment after
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 875L, 2, 327L));
        assertThat(engine.events("O1")).containsExactly("CREATED 1 875", "CREATED 2 327");
    }

    @Test
    void creates_nothing_when_the_order_was_refunded_in_full_before_the_payment_arrived() {
        engine.order("O1").refunded("R1", refund("1", 10_000));
        engine.order("O1").paid(item("1", "P1", 10_000));

        assertThat(engine.amounts("O1")).isEmpty();
        assertThat(engine.events("O1")).isEmpty();
    }

    @Test
    void changes_nothing_when_the_payment_arrives_three_times_or_again_under_another_event_id() {
        OrderFact.Paid paid = paidFact("O1", "e-1", PAID, item("1", "P1", 19_900));
        engine.apply(paid);
        engine.apply(paid);
        engine.apply(paid);
        engine.apply(new OrderFact.Paid("e-resent", "O1", "SO-O1", BUYER, PAID, paid.items()));

        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 1_592L, 2, 597L));
        assertThat(engine.events("O1")).containsExactly("CREATED 1 1592", "CREATED 2 597");
        assertThat(engine.snapshot("O1").version()).isEqualTo(1);
    }

    @Test
    void changes_nothing_when_a_refund_arrives_twice() {
        engine.order("O1").paid(item("1", "P1", 10_000));
        engine.order("O1").refunded("R1", refund("1", 5_000));
        engine.apply(new OrderFact.Refunded("other-event-id", "O1", "R1", PAID, List.of(refund("1", 5_000))));

        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 400L, 2, 150L));
        assertThat(engine.events("O1")).hasSize(4);
    }

    @Test
    void keeps_a_completion_that_arrived_before_the_payment_and_stamps_it_on_the_commissions() {
        Instant completed = PAID.plusSeconds(86_400);
        engine.apply(new OrderFact.Completed("c-1", "O1", completed));
        assertThat(engine.snapshot("O1").completedAt()).isEqualTo(completed);

        engine.order("O1").paid(item("1", "P1", 10_000));

        assertThat(engine.record("O1", 1).completedAt()).isEqualTo(completed);
        assertThat(engine.record("O1", 2).completedAt()).isEqualTo(completed);
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 800L, 2, 300L));
        assertThat(engine.events("O1")).containsExactly("CREATED 1 800", "CREATED 2 300");
    }

    @Test
    void stamps_a_completion_after_the_payment_without_announcing_anything() {
        engine.order("O1").paid(item("1", "P1", 10_000));
        Instant completed = PAID.plusSeconds(3_600);
        engine.apply(new OrderFact.Completed("c-1", "O1", completed));

        assertThat(engine.record("O1", 1).completedAt()).isEqualTo(completed);
        assertThat(engine.events("O1")).containsExactly("CREATED 1 800", "CREATED 2 300");
    }

    @Test
    void reverses_what_a_refund_takes_back_after_settlement() {
        engine.order("O1").paid(item("1", "P1", 2, 19_900), item("2", "P2", 999));
        engine.settle("O1", 1, CommissionStatus.AVAILABLE);
        engine.settle("O1", 2, CommissionStatus.SETTLED);

        engine.order("O1").refunded("R1", refund("1", 9_950));
        engine.order("O1").refunded("R2", refund("1", 9_950), refund("2", 999));

        assertThat(engine.events("O1"))
                .containsExactly(
                        "CREATED 1 1671",
                        "CREATED 2 626",
                        "REVERSED 1 796 R1",
                        "REVERSED 2 299 R1",
                        "REVERSED 1 875 R2",
                        "REVERSED 2 327 R2");
        assertThat(engine.record("O1", 1).status()).isEqualTo(CommissionStatus.REVERSED);
        assertThat(engine.record("O1", 1).reversedFen()).isEqualTo(1_671);
        assertThat(engine.record("O1", 1).amountFen()).isZero();
    }

    @Test
    void keeps_the_settled_status_after_a_partial_reversal() {
        engine.order("O1").paid(item("1", "P1", 10_000));
        engine.settle("O1", 1, CommissionStatus.WITHDRAWN);
        engine.order("O1").refunded("R1", refund("1", 2_500));

        assertThat(engine.record("O1", 1).status()).isEqualTo(CommissionStatus.WITHDRAWN);
        assertThat(engine.record("O1", 1).amountFen()).isEqualTo(600);
        assertThat(engine.record("O1", 1).reversedFen()).isEqualTo(200);
    }

    @Test
    void skips_a_disabled_promoter_and_holds_commissions_of_flagged_members() {
        engine.standing(new MemberStanding(L1, false, null, true));
        engine.order("O1").paid(item("1", "P1", 10_000));
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(2, 300L));
        assertThat(engine.snapshot("O1").level(1).outcome()).isEqualTo(LevelOutcome.PROMOTER_DISABLED);

        Engine flagged = new Engine();
        flagged.standing(new MemberStanding(L2, true, "DEVICE_FLOOD", false));
        flagged.order("O2").paid(item("1", "P1", 10_000));
        assertThat(flagged.record("O2", 1).held()).isFalse();
        assertThat(flagged.record("O2", 2).held()).isTrue();
        assertThat(flagged.record("O2", 2).holdReason()).isEqualTo("PROMOTER_FLAGGED");

        Engine buyerFlagged = new Engine();
        buyerFlagged.standing(new MemberStanding(BUYER, true, "IP_FLOOD", false));
        buyerFlagged.order("O3").paid(item("1", "P1", 10_000));
        assertThat(buyerFlagged.record("O3", 1).holdReason()).isEqualTo("BUYER_FLAGGED");
        assertThat(buyerFlagged.record("O3", 2).holdReason()).isEqualTo("BUYER_FLAGGED");
    }

    @Test
    void holds_what_a_disabled_account_earns_at_the_usual_amount_and_says_why() {
        engine.standing(new MemberStanding(L2, false, null, false, true));
        engine.order("O1").paid(item("1", "P1", 10_000));
        assertThat(engine.amounts("O1")).isEqualTo(Map.of(1, 800L, 2, 300L));
        assertThat(engine.record("O1", 1).held()).isFalse();
        assertThat(engine.record("O1", 2).held()).isTrue();
        assertThat(engine.record("O1", 2).holdReason()).isEqualTo("EARNER_DISABLED");

        // the account status outranks a flag of the same earner or of the buyer as the recorded reason
        Engine both = new Engine();
        both.standing(new MemberStanding(BUYER, true, "IP_FLOOD", false));
        both.standing(new MemberStanding(L1, true, "DEVICE_FLOOD", false, true));
        both.order("O2").paid(item("1", "P1", 10_000));
        assertThat(both.record("O2", 1).holdReason()).isEqualTo("EARNER_DISABLED");
        assertThat(both.record("O2", 2).holdReason()).isEqualTo("BUYER_FLAGGED");

        // the engine's own standing switch still skips the level, whatever the account status
        Engine stopped = new Engine();
        stopped.standing(new MemberStanding(L1, false, null, true, true));
        stopped.order("O3").paid(item("1", "P1", 10_000));
        assertThat(stopped.snapshot("O3").level(1).outcome()).isEqualTo(LevelOutcome.PROMOTER_DISABLED);
    }

    @Test
    void pays_no_one_for_a_buyer_without_a_chain() {
        Engine noChain = new Engine();
        noChain.chains.clear();
        noChain.order("O1").paid(item("1", "P1", 10_000));

        assertThat(noChain.amounts("O1")).isEmpty();
        assertThat(noChain.snapshot("O1").chain().check()).isEqualTo(ChainAtPayment.NO_CHAIN);
    }

    @Test
    void pays_level_two_to_the_level_one_promoters_own_inviter_when_that_announcement_is_newer() {
        long newUpline = 99;
        engine.chains.put(L1, new Chain(L1, newUpline, null, BOUND.plusSeconds(60)));

        engine.order("O1").paid(item("1", "P1", 10_000));

        assertThat(engine.record("O1", 2).promoterId()).isEqualTo(newUpline);
        assertThat(engine.snapshot("O1").chain().check()).isEqualTo(ChainAtPayment.LEVEL2_CORRECTED);
    }

    @Test
    void adds_an_approved_manual_adjustment_and_keeps_it_through_a_partial_refund() {
        engine.order("O1").paid(item("1", "P1", 10_000));
        Commission adjusted = engine.record("O1", 1).adjustedBy(100, NOW);
        engine.records.get("O1").put(1, adjusted);
        assertThat(adjusted.amountFen()).isEqualTo(900);

        engine.order("O1").refunded("R1", refund("1", 5_000));

        // computed 400 + adjustment 100 = 500 (900 → 500: −400)
        assertThat(engine.amounts("O1").get(1)).isEqualTo(500L);
        assertThat(engine.events("O1")).contains("ADJUSTED 1 -400 R1");
    }

    // --- a small engine over the production steps ---

    static OrderFact.Item item(String id, String product, long paidFen) {
        return item(id, product, 1, paidFen);
    }

    static OrderFact.Item item(String id, String product, int quantity, long paidFen) {
        return new OrderFact.Item(id, product, null, quantity, paidFen, paidFen / 2);
    }

    static OrderFact.Item itemIn(String id, String product, String category, long paidFen) {
        return new OrderFact.Item(id, product, category, 1, paidFen, paidFen / 2);
    }

    static OrderFact.RefundLine refund(String itemId, long fen) {
        return new OrderFact.RefundLine(itemId, fen);
    }

    static OrderFact.Paid paidFact(String orderId, String eventId, Instant at, OrderFact.Item... items) {
        return new OrderFact.Paid(eventId, orderId, "SO-" + orderId, BUYER, at, List.of(items));
    }

    static RuleVersion product(String id, int l1, int l2, Instant from) {
        return new RuleVersion(from.getEpochSecond(), RuleScope.PRODUCT, id, l1, l2, null, true, false, from, 1L);
    }

    static RuleVersion category(String id, int l1, int l2, Instant from) {
        return new RuleVersion(from.getEpochSecond() + 1, RuleScope.CATEGORY, id, l1, l2, null, true, false, from, 1L);
    }

    static final class Engine implements PaymentContext {
        final RateCaps caps;
        final List<RuleVersion> versions = new ArrayList<>();
        RuleBook book;
        final Map<Long, Chain> chains = new HashMap<>();
        final Map<Long, MemberStanding> standings = new HashMap<>();
        final Map<String, OrderSnapshot> snapshots = new HashMap<>();
        final Map<String, Map<Integer, Commission>> records = new HashMap<>();
        final Map<String, List<String>> events = new HashMap<>();
        long nextId = 1_000;

        Engine() {
            this(new RateCaps(5_000, 2_000));
        }

        Engine(RateCaps caps) {
            this.caps = caps;
            this.book = new RuleBook(800, 300, true, caps, versions);
            chain(BUYER, L1, L2);
            chains.put(L1, new Chain(L1, L2, null, BOUND));
        }

        void chain(long user, Long l1, Long l2) {
            chains.put(user, new Chain(user, l1, l2, BOUND));
        }

        void rule(RuleVersion v) {
            versions.add(v);
            book = new RuleBook(800, 300, true, caps, versions);
        }

        void standing(MemberStanding s) {
            standings.put(s.userId(), s);
        }

        Orders order(String orderId) {
            return new Orders(orderId);
        }

        final class Orders {
            final String orderId;

            Orders(String orderId) {
                this.orderId = orderId;
            }

            void paid(OrderFact.Item... items) {
                paidAt(PAID, items);
            }

            void paidAt(Instant at, OrderFact.Item... items) {
                apply(paidFact(orderId, "p-" + orderId, at, items));
            }

            void refunded(String refundId, OrderFact.RefundLine... lines) {
                apply(new OrderFact.Refunded("r-" + refundId, orderId, refundId, PAID, List.of(lines)));
            }
        }

        void apply(OrderFact fact) {
            OrderSnapshot start = snapshots.getOrDefault(fact.orderId(), OrderSnapshot.awaiting(fact.orderId()));
            OrderProcessing.Applied applied = OrderProcessing.applyAll(start, List.of(fact), this);
            snapshots.put(fact.orderId(), applied.last());
            if (applied.changes().isEmpty()) {
                return;
            }
            Map<Integer, Commission> current = records.computeIfAbsent(fact.orderId(), k -> new TreeMap<>());
            OrderProcessing.Projected projected =
                    OrderProcessing.project(current, applied.last(), applied.changes(), NOW);
            current.putAll(projected.records());
            for (CommissionProjection.Step step : projected.steps()) {
                if (step.kind() == ChangeKind.QUIET) {
                    continue;
                }
                events.computeIfAbsent(fact.orderId(), k -> new ArrayList<>())
                        .add(step.kind() + " " + step.next().level() + " " + step.amountFen()
                                + (step.cause().refundId() == null
                                        ? ""
                                        : " " + step.cause().refundId()));
            }
        }

        void settle(String orderId, int level, CommissionStatus status) {
            Commission c = record(orderId, level);
            records.get(orderId)
                    .put(
                            level,
                            c.withAmounts(
                                    c.amountFen(),
                                    c.computedFen(),
                                    c.adjustmentFen(),
                                    c.reversedFen(),
                                    c.breakdown(),
                                    status,
                                    NOW));
        }

        OrderSnapshot snapshot(String orderId) {
            return snapshots.get(orderId);
        }

        Commission record(String orderId, int level) {
            return records.getOrDefault(orderId, Map.of()).get(level);
        }

        Map<Integer, Long> amounts(String orderId) {
            Map<Integer, Long> out = new TreeMap<>();
            records.getOrDefault(orderId, Map.of()).forEach((level, c) -> out.put(level, c.amountFen()));
            return out;
        }

        List<String> events(String orderId) {
            return events.getOrDefault(orderId, List.of());
        }

        @Override
        public ItemRates ratesFor(String productId, String categoryId, Instant paidAt) {
            return book.ratesFor(productId, categoryId, paidAt);
        }

        @Override
        public boolean level2Enabled(Instant paidAt) {
            return book.level2Enabled(paidAt);
        }

        @Override
        public long ruleVersion() {
            return book.version();
        }

        @Override
        public ChainAtPayment.Resolved chainOf(long buyerId, Instant paidAt) {
            Chain buyer = chains.get(buyerId);
            Chain level1 = buyer == null || buyer.inviterId() == null ? null : chains.get(buyer.inviterId());
            return ChainAtPayment.resolve(buyer, level1, paidAt);
        }

        @Override
        public MemberStanding standingOf(long userId) {
            return standings.getOrDefault(userId, MemberStanding.clear(userId));
        }

        @Override
        public long nextCommissionId() {
            return nextId++;
        }
    }
}
