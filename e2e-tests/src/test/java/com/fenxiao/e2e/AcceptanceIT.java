package com.fenxiao.e2e;

import static com.fenxiao.e2e.PlatformApi.JSON;
import static com.fenxiao.e2e.PlatformApi.eventually;
import static com.fenxiao.e2e.PlatformApi.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's acceptance run, API only: the whole platform as the README starts it, driven through the
 * gateway as the mini-program (members), the order system (signed order-events intake), operations and
 * finance (staff login) would. One scenario from invite chains to a reconciliation that balances to the
 * fen; every expected figure is computed here from SPEC §4, §6 and §7, not read from the platform.
 */
class AcceptanceIT {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int L1_BP = 800;
    static final int L2_BP = 300;
    static final int FEE_RATE_BP = 100;
    static final long FEE_MINIMUM_FEN = 100;
    static final long AUTO_APPROVE_BELOW_FEN = 50_000;

    static LaunchedPlatform platform;
    static PlatformApi api;
    static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

    @BeforeAll
    static void startPlatform() throws Exception {
        Map<String, String> env = new HashMap<>();
        // a withdrawal fee (SPEC §6: rate + minimum) so the quote has one; the fake WeChat member confirms fast
        env.put("PLATFORM_WITHDRAWAL_FEERATEBP", Integer.toString(FEE_RATE_BP));
        env.put("PLATFORM_WITHDRAWAL_FEEMINIMUMFEN", Long.toString(FEE_MINIMUM_FEN));
        env.put("WITHDRAWAL_LOCAL_WECHATPAY_CONFIRM_AFTER", "3s");
        platform = LaunchedPlatform.startForTests(env);
        api = new PlatformApi(platform.baseUrl());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    record Item(String itemId, String productId, int quantity, long paidFen, long costFen) {}

    record Member(String userId, String token, String inviteCode) {}

    /** SPEC §4: Σ over items floor((paid − refunded) × rate / 10000). */
    static long commission(List<Item> items, Map<String, Long> refunded, int bp) {
        long sum = 0;
        for (Item i : items) {
            sum += Math.floorDiv((i.paidFen() - refunded.getOrDefault(i.itemId(), 0L)) * bp, 10_000L);
        }
        return sum;
    }

    /** SPEC §6 fee: max(minimum, rate × amount rounded half-up), at most the amount. */
    static long fee(long amountFen) {
        long byRate = Math.floorDiv(amountFen * FEE_RATE_BP + 5_000, 10_000);
        return Math.min(amountFen, Math.max(FEE_MINIMUM_FEN, byRate));
    }

    /** SPEC §7 per-payment method (预扣率表二) for a month's cumulative income X, in fen, half-up. */
    static long perPaymentTax(long incomeFen) {
        java.math.BigDecimal x = java.math.BigDecimal.valueOf(incomeFen);
        java.math.BigDecimal t = incomeFen <= 400_000
                ? java.math.BigDecimal.valueOf(Math.max(0, incomeFen - 80_000))
                : x.multiply(new java.math.BigDecimal("0.8"));
        double taxable = t.doubleValue();
        java.math.BigDecimal tax;
        if (taxable <= 2_000_000) {
            tax = t.multiply(new java.math.BigDecimal("0.20"));
        } else if (taxable <= 5_000_000) {
            tax = t.multiply(new java.math.BigDecimal("0.30")).subtract(java.math.BigDecimal.valueOf(200_000));
        } else {
            tax = t.multiply(new java.math.BigDecimal("0.40")).subtract(java.math.BigDecimal.valueOf(700_000));
        }
        return tax.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    String paid(String orderId, String buyerId, List<Item> items) {
        ObjectNode e = JSON.createObjectNode()
                .put("eventId", "paid-" + orderId)
                .put("type", "PAID")
                .put("orderId", orderId)
                .put("orderNo", "SO-" + orderId)
                .put("buyerId", Long.parseLong(buyerId))
                .put("occurredAt", Instant.now().toString());
        ArrayNode arr = e.putArray("items");
        for (Item i : items) {
            arr.addObject()
                    .put("itemId", i.itemId())
                    .put("productId", i.productId())
                    .put("quantity", i.quantity())
                    .put("paidFen", i.paidFen())
                    .put("costFen", i.costFen());
        }
        return e.toString();
    }

    static String completed(String orderId) {
        return JSON.createObjectNode()
                .put("eventId", "completed-" + orderId)
                .put("type", "COMPLETED")
                .put("orderId", orderId)
                .put("occurredAt", Instant.now().toString())
                .toString();
    }

    static String refunded(String orderId, String refundId, Map<String, Long> items) {
        ObjectNode e = JSON.createObjectNode()
                .put("eventId", "refunded-" + orderId + "-" + refundId)
                .put("type", "REFUNDED")
                .put("orderId", orderId)
                .put("refundId", refundId)
                .put("occurredAt", Instant.now().toString());
        ArrayNode arr = e.putArray("items");
        items.forEach((id, fen) -> arr.addObject().put("itemId", id).put("refundFen", fen));
        return e.toString();
    }

    void send(String event) {
        PlatformApi.Answer a = api.orderEvent(event);
        assertThat(a.status()).as("intake answer %s for %s", a.body(), event).isEqualTo(202);
    }

    Member login(String who, String inviteCode) {
        JsonNode l = api.memberLogin("acc-" + RUN + "-" + who, inviteCode, "验收" + who);
        String token = l.path("token").asText();
        String code = api.get("/api/v1/me/promoter", token).path("inviteCode").asText();
        if (inviteCode != null) {
            assertThat(l.path("binding").path("bound").asBoolean())
                    .as("%s bound: %s", who, l)
                    .isTrue();
        }
        return new Member(l.path("userId").asText(), token, code);
    }

    /** The member's commission of an order at a level, once it exists. */
    JsonNode commissionOf(Member m, String orderNo, int level) {
        for (JsonNode c : api.get("/api/v1/me/commissions?size=100", m.token()).path("items")) {
            if (c.path("orderNo").asText().equals(orderNo) && c.path("level").asInt() == level) {
                return c;
            }
        }
        return null;
    }

    JsonNode wallet(Member m) {
        return api.get("/api/v1/me/wallet", m.token());
    }

    JsonNode awaitWallet(Member m, String what, long availableFen, long pendingFen) throws InterruptedException {
        return eventually(what, Duration.ofSeconds(90), () -> {
            JsonNode w = wallet(m);
            return w.path("availableFen").asLong() == availableFen
                            && w.path("pendingFen").asLong() == pendingFen
                    ? w
                    : fail(what + ": " + w);
        });
    }

    static <T> T fail(String message) {
        throw new IllegalStateException(message);
    }

    @Test
    void invite_chains_orders_refunds_release_withdrawals_with_tax_payout_exports_and_reconciliation_balance()
            throws Exception {
        // 1. invite chains: A invites B, B invites C and D (two levels: C's and D's orders pay B at level 1, A at level
        // 2)
        Member a = login("A", null);
        Member b = login("B", a.inviteCode());
        Member c = login("C", b.inviteCode());
        Member d = login("D", b.inviteCode());
        JsonNode bPromoter = api.get("/api/v1/me/promoter", b.token());
        assertThat(bPromoter.path("level1Count").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/me/promoter", a.token()).path("level2Count").asLong())
                .isEqualTo(2);

        // 2. orders with several items (signed intake, as the order system)
        String p1 = "ACC-" + RUN + "-P1", p2 = "ACC-" + RUN + "-P2", p3 = "ACC-" + RUN + "-P3";
        String oc = "ACC" + RUN + "C", od = "ACC" + RUN + "D";
        List<Item> cItems = List.of(
                new Item("1", p1, 1, 1_234_567, 800_000),
                new Item("2", p2, 2, 345_678, 200_000),
                new Item("3", p3, 3, 99_999, 50_000));
        List<Item> dItems = List.of(new Item("1", p1, 1, 56_789, 30_000), new Item("2", p3, 2, 20_001, 12_345));
        send(paid(oc, c.userId(), cItems));
        send(paid(oc, c.userId(), cItems)); // a duplicate delivery changes nothing
        send(paid(od, d.userId(), dItems));

        Map<String, Long> cRefunded = new LinkedHashMap<>();
        Map<String, Long> dRefunded = new LinkedHashMap<>();
        long cL1 = commission(cItems, cRefunded, L1_BP), cL2 = commission(cItems, cRefunded, L2_BP);
        long dL1 = commission(dItems, dRefunded, L1_BP), dL2 = commission(dItems, dRefunded, L2_BP);
        eventually("B's and A's pending commissions of both orders", Duration.ofSeconds(60), () -> {
            JsonNode x1 = commissionOf(b, "SO-" + oc, 1), x2 = commissionOf(a, "SO-" + oc, 2);
            JsonNode y1 = commissionOf(b, "SO-" + od, 1), y2 = commissionOf(a, "SO-" + od, 2);
            return x1 != null
                            && x2 != null
                            && y1 != null
                            && y2 != null
                            && x1.path("amountFen").asLong() == cL1
                            && x2.path("amountFen").asLong() == cL2
                            && y1.path("amountFen").asLong() == dL1
                            && y2.path("amountFen").asLong() == dL2
                    ? true
                    : fail("commissions so far: " + x1 + " " + x2 + " " + y1 + " " + y2);
        });
        assertThat(commissionOf(b, "SO-" + oc, 1).path("status").asText()).isEqualTo("PENDING");
        // nobody earns a third level, and C/D earn nothing on their own orders
        assertThat(api.get("/api/v1/me/commissions", c.token()).path("items")).isEmpty();

        // 3. a partial refund before completion recomputes item by item (SPEC §4)
        cRefunded.put("2", 45_678L);
        send(refunded(oc, "R1", Map.of("2", 45_678L)));
        long cL1r = commission(cItems, cRefunded, L1_BP), cL2r = commission(cItems, cRefunded, L2_BP);
        assertThat(cL1r).isEqualTo(98_765 + 24_000 + 7_999);
        assertThat(cL2r).isEqualTo(37_037 + 9_000 + 2_999);
        awaitWallet(b, "B pending after the partial refund", 0, cL1r + dL1);
        awaitWallet(a, "A pending after the partial refund", 0, cL2r + dL2);

        // 4. completion; the after-sales window (5 s here) closes and the release job credits the wallets
        send(completed(oc));
        send(completed(od));
        send(completed(oc)); // duplicate
        awaitWallet(b, "B's released commissions available", cL1r + dL1, 0);
        awaitWallet(a, "A's released commissions available", cL2r + dL2, 0);
        eventually(
                "the engine shows B's commissions AVAILABLE",
                Duration.ofSeconds(60),
                () -> "AVAILABLE"
                                        .equals(commissionOf(b, "SO-" + oc, 1)
                                                .path("status")
                                                .asText())
                                && "AVAILABLE"
                                        .equals(commissionOf(b, "SO-" + od, 1)
                                                .path("status")
                                                .asText())
                        ? true
                        : null);

        // 5. a refund after release: a reversal debits the wallets (SPEC §4)
        dRefunded.put("1", 56_789L);
        send(refunded(od, "R2", Map.of("1", 56_789L)));
        long dL1r = commission(dItems, dRefunded, L1_BP), dL2r = commission(dItems, dRefunded, L2_BP);
        long bAvailable = cL1r + dL1r, aAvailable = cL2r + dL2r;
        awaitWallet(b, "B after the reversal", bAvailable, 0);
        awaitWallet(a, "A after the reversal", aAvailable, 0);
        assertThat(bAvailable).isEqualTo(130_764 + 1_600);
        assertThat(aAvailable).isEqualTo(49_036 + 600);

        // 6. withdrawals with tax: real name, quote, request (idempotent), review, payout through the fake WeChat Pay
        Random random = new Random();
        for (Member m : List.of(a, b)) {
            JsonNode id = api.ok(
                    "PUT",
                    "/api/v1/me/identity",
                    m.token(),
                    JSON.createObjectNode().put("realName", "张验收").put("idNumber", PlatformApi.idNumber(random)));
            assertThat(id.path("verified").asBoolean()).isTrue();
        }
        long bAmount = bAvailable; // everything B has: finance reviews it (≥ the auto-approval threshold)
        long aAmount = 30_000; // below the threshold: approved automatically
        long bFee = fee(bAmount), bTax = perPaymentTax(bAmount), bNet = bAmount - bFee - bTax;
        long aFee = fee(aAmount), aTax = perPaymentTax(aAmount), aNet = aAmount - aFee - aTax;
        assertThat(bTax).as("B's income 1323.64 CNY: (X − 800) × 20%").isEqualTo(10_473);
        assertThat(aTax).isZero();
        JsonNode bQuote = api.ok("POST", "/api/v1/me/withdrawals/quote", b.token(), amount(bAmount));
        assertThat(List.of(
                        bQuote.path("amountFen").asLong(),
                        bQuote.path("feeFen").asLong(),
                        bQuote.path("taxFen").asLong(),
                        bQuote.path("netFen").asLong()))
                .as("B's quote %s", bQuote)
                .containsExactly(bAmount, bFee, bTax, bNet);
        assertThat(bQuote.path("expectedArrival").isMissingNode()).isFalse();

        String key = "acc-" + RUN + "-b-1";
        JsonNode bW =
                api.ok("POST", "/api/v1/me/withdrawals", b.token(), amount(bAmount), Map.of("Idempotency-Key", key));
        JsonNode bRetry =
                api.ok("POST", "/api/v1/me/withdrawals", b.token(), amount(bAmount), Map.of("Idempotency-Key", key));
        assertThat(bRetry.path("id").asText())
                .as("a retried request is the same withdrawal")
                .isEqualTo(bW.path("id").asText());
        assertThat(List.of(
                        bW.path("amountFen").asLong(),
                        bW.path("feeFen").asLong(),
                        bW.path("taxFen").asLong(),
                        bW.path("netFen").asLong()))
                .containsExactly(bAmount, bFee, bTax, bNet);
        assertThat(bW.path("status").asText())
                .as("above the threshold finance reviews it: %s", bW)
                .isNotIn("APPROVED", "PAYING", "PAID");
        JsonNode aW = api.ok(
                "POST",
                "/api/v1/me/withdrawals",
                a.token(),
                amount(aAmount),
                Map.of("Idempotency-Key", "acc-" + RUN + "-a-1"));
        assertThat(List.of(
                        aW.path("feeFen").asLong(),
                        aW.path("taxFen").asLong(),
                        aW.path("netFen").asLong()))
                .containsExactly(aFee, aTax, aNet);
        assertThat(aAmount).isLessThan(AUTO_APPROVE_BELOW_FEN);

        // finance: the bootstrap ADMIN logs in through the gateway and approves B's withdrawal
        String staff = api.staffLogin(LaunchedPlatform.ADMIN_USERNAME, LaunchedPlatform.ADMIN_PASSWORD);
        JsonNode queue = api.get("/admin/v1/withdrawals?size=100", staff);
        assertThat(queue.path("items").toString()).contains(bW.path("id").asText());
        api.ok("POST", "/admin/v1/withdrawals/" + bW.path("id").asText() + "/approve", staff, null);

        for (Member m : List.of(a, b)) {
            eventually("the withdrawal PAID through the fake WeChat Pay", Duration.ofSeconds(120), () -> {
                JsonNode items = api.get("/api/v1/me/withdrawals", m.token()).path("items");
                return items.size() == 1 && items.get(0).path("status").asText().equals("PAID")
                        ? true
                        : fail("withdrawals: " + items);
            });
        }
        awaitWallet(b, "B after the payout", 0, 0);
        JsonNode bWallet = wallet(b);
        assertThat(bWallet.path("withdrawnFen").asLong()).isEqualTo(bAmount);
        assertThat(bWallet.path("frozenFen").asLong()).isZero();
        JsonNode aWallet = awaitWallet(a, "A after the payout", aAvailable - aAmount, 0);
        assertThat(aWallet.path("withdrawnFen").asLong()).isEqualTo(aAmount);

        // settlement covers B's released commissions oldest first: both WITHDRAWN, as the engine shows B
        eventually("B's commissions WITHDRAWN", Duration.ofSeconds(60), () -> {
            JsonNode x = commissionOf(b, "SO-" + oc, 1), y = commissionOf(b, "SO-" + od, 1);
            return "WITHDRAWN".equals(x.path("status").asText())
                            && "WITHDRAWN".equals(y.path("status").asText())
                    ? true
                    : fail("B's commissions: " + x + " " + y);
        });

        // 7. exports through the gateway, to the fen
        String today = LocalDate.now(BEIJING).toString();
        String range = "?from=" + LocalDate.now(BEIJING).minusDays(1) + "&to="
                + LocalDate.now(BEIJING).plusDays(1) + "&format=csv";
        var ledger = api.csv("/admin/v1/exports/commission-ledger" + range, staff);
        Map<String, String> expectedLedger = Map.of(
                oc + "/" + b.userId(), yuan(cL1r),
                oc + "/" + a.userId(), yuan(cL2r),
                od + "/" + b.userId(), yuan(dL1r),
                od + "/" + a.userId(), yuan(dL2r));
        Map<String, String> actualLedger = ledger.stream()
                .collect(Collectors.toMap(r -> r.get("订单ID") + "/" + r.get("推广员ID"), r -> r.get("当前金额(元)")));
        assertThat(actualLedger).as("commission ledger %s", ledger).isEqualTo(expectedLedger);

        var walletLedger = api.csv("/admin/v1/exports/wallet-ledger" + range, staff);
        for (Member m : List.of(a, b)) {
            JsonNode w = wallet(m);
            Map<String, Long> sums = new HashMap<>();
            for (var row : walletLedger) {
                if (row.get("推广员ID").equals(m.userId())) {
                    for (String col : List.of("待结算变动(元)", "可用变动(元)", "冻结变动(元)", "已提现变动(元)", "欠款变动(元)")) {
                        sums.merge(col, fen(row.get(col)), Long::sum);
                    }
                }
            }
            assertThat(List.of(
                            sums.get("待结算变动(元)"),
                            sums.get("可用变动(元)"),
                            sums.get("冻结变动(元)"),
                            sums.get("已提现变动(元)"),
                            sums.get("欠款变动(元)")))
                    .as("wallet ledger of %s sums to the wallet %s", m.userId(), w)
                    .containsExactly(
                            w.path("pendingFen").asLong(),
                            w.path("availableFen").asLong(),
                            w.path("frozenFen").asLong(),
                            w.path("withdrawnFen").asLong(),
                            w.path("debtFen").asLong());
        }

        var withdrawals = api.csv("/admin/v1/exports/withdrawals" + range, staff);
        assertThat(withdrawals).hasSize(2);
        for (var expected : List.of(
                List.of(bW.path("id").asText(), b.userId(), yuan(bAmount), yuan(bFee), yuan(bTax), yuan(bNet)),
                List.of(aW.path("id").asText(), a.userId(), yuan(aAmount), yuan(aFee), yuan(aTax), yuan(aNet)))) {
            var row = withdrawals.stream()
                    .filter(r -> r.get("提现单号").equals(expected.get(0)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row for withdrawal " + expected + " in " + withdrawals));
            assertThat(List.of(
                            row.get("提现单号"),
                            row.get("推广员ID"),
                            row.get("提现金额(元)"),
                            row.get("手续费(元)"),
                            row.get("代扣个税(元)"),
                            row.get("实发金额(元)")))
                    .containsExactlyElementsOf(expected);
            assertThat(row.get("状态代码")).isEqualTo("PAID");
        }

        var tax = api.csv("/admin/v1/exports/tax" + range, staff);
        Map<String, List<String>> taxRows = tax.stream()
                .collect(Collectors.toMap(
                        r -> r.get("推广员ID"), r -> List.of(r.get("收入额(元)"), r.get("代扣个税(元)"), r.get("笔数"))));
        assertThat(taxRows)
                .as("tax export %s", tax)
                .isEqualTo(Map.of(
                        b.userId(), List.of(yuan(bAmount), yuan(bTax), "1"),
                        a.userId(), List.of(yuan(aAmount), yuan(aTax), "1")));
        assertThat(tax.toString()).doesNotContain("张验收"); // masked only

        // 8. reconciliation balances to the fen
        long paidFen = 0, costFen = 0, refundedFen = 0;
        Map<String, long[]> perProduct = new LinkedHashMap<>(); // paid, refunded, cost, commission
        for (var order : List.of(Map.entry(cItems, cRefunded), Map.entry(dItems, dRefunded))) {
            for (Item i : order.getKey()) {
                long r = order.getValue().getOrDefault(i.itemId(), 0L);
                long costBack = Math.floorDiv(i.costFen() * r, i.paidFen());
                long com = Math.floorDiv((i.paidFen() - r) * L1_BP, 10_000L)
                        + Math.floorDiv((i.paidFen() - r) * L2_BP, 10_000L);
                long[] t = perProduct.computeIfAbsent(i.productId(), k -> new long[4]);
                t[0] += i.paidFen();
                t[1] += r;
                t[2] += i.costFen() - costBack;
                t[3] += com;
                paidFen += i.paidFen();
                refundedFen += r;
                costFen += i.costFen() - costBack;
            }
        }
        long commissionFen = cL1r + cL2r + dL1r + dL2r;
        long refundedTotal = refundedFen;
        long margin = paidFen - refundedFen - costFen;
        JsonNode report = eventually("the reconciliation totals", Duration.ofSeconds(60), () -> {
            JsonNode r = api.get("/admin/v1/reconciliation?from=" + today + "&to=" + today, staff);
            JsonNode t = r.path("total");
            return t.path("commissionFen").asLong() == commissionFen
                            && t.path("refundedFen").asLong() == refundedTotal
                    ? r
                    : fail("reconciliation: " + r);
        });
        JsonNode total = report.path("total");
        assertThat(List.of(
                        total.path("paidFen").asLong(),
                        total.path("refundedFen").asLong(),
                        total.path("costFen").asLong(),
                        total.path("grossMarginFen").asLong(),
                        total.path("commissionFen").asLong()))
                .as("reconciliation total %s", total)
                .containsExactly(paidFen, refundedFen, costFen, margin, commissionFen);
        for (JsonNode row : report.path("rows")) {
            long[] t = perProduct.get(row.path("productId").asText());
            assertThat(t).as("unexpected product in %s", row).isNotNull();
            assertThat(List.of(
                            row.path("paidFen").asLong(),
                            row.path("refundedFen").asLong(),
                            row.path("costFen").asLong(),
                            row.path("commissionFen").asLong()))
                    .as("product %s", row)
                    .containsExactly(t[0], t[1], t[2], t[3]);
        }
        assertThat(report.path("rows")).hasSize(perProduct.size());

        var reconciliationCsv = api.csv("/admin/v1/exports/reconciliation" + range, staff);
        Map<String, List<String>> csvRows = reconciliationCsv.stream()
                .collect(Collectors.toMap(
                        r -> r.get("商品ID"),
                        r -> List.of(r.get("实付金额(元)"), r.get("退款金额(元)"), r.get("成本(元)"), r.get("佣金(元)"))));
        Map<String, List<String>> expectedCsv = new LinkedHashMap<>();
        perProduct.forEach((p, t) -> expectedCsv.put(p, List.of(yuan(t[0]), yuan(t[1]), yuan(t[2]), yuan(t[3]))));
        assertThat(csvRows).as("reconciliation export %s", reconciliationCsv).isEqualTo(expectedCsv);

        JsonNode invariants = eventually("the ledger invariants", Duration.ofSeconds(60), () -> {
            JsonNode i = api.get("/admin/v1/reconciliation/invariants", staff);
            return i.path("ok").asBoolean() ? i : fail("invariants: " + i);
        });
        assertThat(invariants.path("wallet").asText()).isEqualTo("CONNECTED");
        assertThat(invariants.path("walletMismatchCount").asLong()).isZero();
        assertThat(invariants.path("checkedPromoters").asLong()).isEqualTo(2);
        assertThat(invariants.path("releasedCommissions").asLong()).isEqualTo(4);
        LaunchedPlatform.say("acceptance figures: paid " + paidFen + ", refunded " + refundedFen + ", cost " + costFen
                + ", commission " + commissionFen + ", B withdrew " + bAmount + " (fee " + bFee + ", tax " + bTax
                + ", net " + bNet + "), A withdrew " + aAmount + " (fee " + aFee + ", net " + aNet + ")");
    }

    static ObjectNode amount(long fen) {
        return JSON.createObjectNode().put("amountFen", fen).put("channel", "WECHAT");
    }

    /** "-45.43" → -4543 (exact). */
    static long fen(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return 0;
        }
        String s = yuan.startsWith("'") ? yuan.substring(1) : yuan;
        return new java.math.BigDecimal(s).movePointRight(2).longValueExact();
    }
}
