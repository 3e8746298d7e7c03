package com.fenxiao.withdrawal.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.common.event.Topics;
import com.fenxiao.identity.TestIdNumbers;
import com.fenxiao.testing.TestClock;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.testing.TopicWatcher;
import com.fenxiao.withdrawal.WithdrawalTestProperties;
import com.fenxiao.withdrawal.payout.adapter.wechat.local.LocalWeChatPay;
import com.fenxiao.withdrawal.payout.application.PayOutWithdrawal;
import com.fenxiao.withdrawal.payout.application.SyncTransfer;
import com.fenxiao.withdrawal.request.application.RequestWithdrawal;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import com.fenxiao.withdrawal.wallet.application.PostToWallet;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.WalletBalances;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mini-program's side of a WeChat bill awaiting its member (issue 16), through the real database,
 * broker, SDK client and the fake WeChat Pay: only the owner gets the arguments of
 * wx.requestMerchantTransfer; the member's reports are recorded once and never move money by themselves;
 * a confirmed bill is paid once, a declined one is cancelled at once, and a bill nobody confirms is closed
 * and its frozen amount released exactly once, whichever of callback, sync or cancel sees it first.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TransferConfirmationIT.MovableClock.class)
class TransferConfirmationIT {

    private static final LocalWeChatPay WECHAT = LocalWeChatPay.start();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicWatcher withdrawalEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, TransferConfirmationIT.class);
        WECHAT.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("platform.withdrawal.daily-count", () -> "100");
        // shorter than WeChat Pay's own 24 h, so the member tokens (1 h) outlive the tests' clock moves
        registry.add("platform.payout.confirmation-window", () -> "30m");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Clock.systemUTC().instant());
        }
    }

    @Autowired
    TestClock clock;

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Autowired
    PostToWallet post;

    @Autowired
    RequestWithdrawal request;

    @Autowired
    PayOutWithdrawal payOut;

    @Autowired
    SyncTransfer sync;

    @Autowired
    WalletBalances balancesOf;

    @Autowired
    Wallets wallets;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void watch() {
        withdrawalEvents = TopicWatcher.watch(Topics.WITHDRAWAL_EVENTS);
    }

    @AfterAll
    static void stop() {
        withdrawalEvents.close();
        WECHAT.close();
    }

    @Test
    void only_the_owner_gets_the_confirmation_and_other_states_are_conflicts() throws Exception {
        Withdrawal w = approvedWithdrawal(1_000);
        long stranger = w.promoterId() + 1;
        String path = "/api/v1/me/withdrawals/" + w.id() + "/confirmation";

        assertProblem(get(w.promoterId(), path), 409, "WITHDRAWAL_NOT_AWAITING_CONFIRMATION"); // no bill yet
        assertProblem(report(w.promoterId(), w.id(), "CONFIRMED", null), 409, "WITHDRAWAL_NOT_AWAITING_CONFIRMATION");

        String bill = payOut.payOut(w.id()).outBillNo();
        ResponseEntity<String> mine = get(w.promoterId(), path);
        assertThat(mine.getStatusCode().value()).isEqualTo(200);
        JsonNode c = JSON.readTree(mine.getBody());
        assertThat(c.get("withdrawalId").asText()).isEqualTo(Long.toString(w.id()));
        assertThat(c.get("mchId").asText()).isEqualTo(LocalWeChatPay.MCH_ID);
        assertThat(c.get("appId").asText()).isEqualTo(LocalWeChatPay.APPID);
        assertThat(c.get("package").asText()).isEqualTo(LocalWeChatPay.PACKAGE_PREFIX + bill);
        assertThat(c.has("expiresAt")).isTrue();

        // another member: the same answer as for a withdrawal that does not exist
        assertProblem(get(stranger, path), 404, "WITHDRAWAL_NOT_FOUND");
        assertProblem(get(w.promoterId(), "/api/v1/me/withdrawals/1/confirmation"), 404, "WITHDRAWAL_NOT_FOUND");
        assertProblem(report(stranger, w.id(), "CANCELLED", null), 404, "WITHDRAWAL_NOT_FOUND");
        assertThat(WECHAT.bills.get(bill).state).isEqualTo("WAIT_USER_CONFIRM"); // the stranger cancelled nothing
        assertThat(memberReports(w, "MEMBER_REPORTED_CANCELLED")).isZero();

        // bad input: problem details with stable codes, nothing recorded
        assertProblem(report(w.promoterId(), w.id(), "MAYBE", null), 400, null);
        assertProblem(postJson(w.promoterId(), path, "{}"), 400, "VALIDATION_FAILED");
        assertProblem(
                postJson(w.promoterId(), path, "{\"result\":\"CONFIRMED\",\"errMsg\":\"" + "x".repeat(600) + "\"}"),
                400,
                "VALIDATION_FAILED");
        assertThat(get(w.promoterId(), "/api/v1/me/withdrawals/abc/confirmation")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(memberReports(w, null)).isZero();

        // past the (configured) window, not yet closed by the sync job: no longer offered
        clock.advance(Duration.ofMinutes(31));
        assertProblem(get(w.promoterId(), path), 409, "WITHDRAWAL_CONFIRMATION_EXPIRED");
        assertThat(sync.sync(w.id()).status()).isEqualTo(WithdrawalStatus.FAILED);
        assertProblem(get(w.promoterId(), path), 409, "WITHDRAWAL_NOT_AWAITING_CONFIRMATION");
        assertThat(balancesOf.of(w.promoterId()).orElseThrow()).isEqualTo(new Balances(0, 10_000, 0, 0, 0));
    }

    @Test
    void a_member_who_confirms_is_paid_once_and_the_report_is_recorded_once() throws Exception {
        Withdrawal w = approvedWithdrawal(1_000);
        String bill = payOut.payOut(w.id()).outBillNo();
        JsonNode c = JSON.readTree(get(w.promoterId(), "/api/v1/me/withdrawals/" + w.id() + "/confirmation")
                .getBody());

        // the mini-program calls wx.requestMerchantTransfer with exactly what the endpoint gave
        String errMsg = WECHAT.requestMerchantTransfer(
                c.get("mchId").asText(),
                c.get("appId").asText(),
                c.get("package").asText());
        assertThat(errMsg).isEqualTo("requestMerchantTransfer:ok");

        ResponseEntity<String> reported = report(w.promoterId(), w.id(), "CONFIRMED", errMsg);
        assertThat(reported.getStatusCode().value()).isEqualTo(200);
        JsonNode r = JSON.readTree(reported.getBody());
        assertThat(r.get("status").asText()).isEqualTo("PAID"); // the report made the service ask WeChat Pay
        assertThat(r.get("recorded").asBoolean()).isTrue();

        JsonNode again = JSON.readTree(
                report(w.promoterId(), w.id(), "CONFIRMED", errMsg).getBody());
        assertThat(again.get("status").asText()).isEqualTo("PAID");
        assertThat(again.get("recorded").asBoolean()).isFalse();
        assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204); // the callback arrives late
        assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204);
        sync.sync(w.id());

        Balances b = balancesOf.of(w.promoterId()).orElseThrow();
        assertThat(b).isEqualTo(new Balances(0, 9_000, 0, 1_000, 0));
        assertThat(wallets.ledgerSums(w.promoterId())).isEqualTo(b);
        assertThat(ledgerEntries(w, "paid")).isEqualTo(1);
        assertThat(WECHAT.bills.get(bill).timesPaid.get()).isEqualTo(1);
        assertThat(memberReports(w, "MEMBER_REPORTED_CONFIRMED")).isEqualTo(1);
        assertThat(memberReportDetail(w)).isEqualTo("requestMerchantTransfer:ok");
        assertProblem(
                get(w.promoterId(), "/api/v1/me/withdrawals/" + w.id() + "/confirmation"),
                409,
                "WITHDRAWAL_NOT_AWAITING_CONFIRMATION");
        await().atMost(Duration.ofSeconds(60)).until(() -> events(w.id(), "WITHDRAWAL_PAID") == 1);
    }

    @Test
    void a_report_alone_moves_no_money() throws Exception {
        Withdrawal w = approvedWithdrawal(1_200);
        String bill = payOut.payOut(w.id()).outBillNo();

        // the member says "confirmed", but WeChat Pay still has the bill waiting: nothing is paid
        JsonNode r = JSON.readTree(report(w.promoterId(), w.id(), "CONFIRMED", "requestMerchantTransfer:ok")
                .getBody());
        assertThat(r.get("status").asText()).isEqualTo("PAYING");
        assertThat(r.get("billState").asText()).isEqualTo("WAIT_USER_CONFIRM");
        JsonNode failed = JSON.readTree(report(w.promoterId(), w.id(), "FAILED", "requestMerchantTransfer:fail")
                .getBody());
        assertThat(failed.get("status").asText()).isEqualTo("PAYING");
        assertThat(balancesOf.of(w.promoterId()).orElseThrow()).isEqualTo(new Balances(0, 8_800, 1_200, 0, 0));
        assertThat(WECHAT.bills.get(bill).state).isEqualTo("WAIT_USER_CONFIRM");
        assertThat(memberReports(w, null)).isEqualTo(2);
    }

    @Test
    void a_cancelled_confirmation_cancels_the_bill_and_releases_the_funds_exactly_once() throws Exception {
        Withdrawal w = approvedWithdrawal(1_500);
        double expiredBefore = payouts("EXPIRED");
        String bill = payOut.payOut(w.id()).outBillNo();
        int cancelsBefore = WECHAT.cancelCalls.get();

        JsonNode r = JSON.readTree(report(w.promoterId(), w.id(), "CANCELLED", "requestMerchantTransfer:fail cancel")
                .getBody());
        assertThat(r.get("status").asText()).isEqualTo("FAILED"); // cancelled at WeChat Pay, funds back now
        assertThat(WECHAT.bills.get(bill).state).isEqualTo("CANCELLED");
        assertThat(WECHAT.cancelCalls.get() - cancelsBefore).isEqualTo(1);

        // the same report again, the callback twice, the sync job: nothing more
        JsonNode again =
                JSON.readTree(report(w.promoterId(), w.id(), "CANCELLED", "requestMerchantTransfer:fail cancel")
                        .getBody());
        assertThat(again.get("recorded").asBoolean()).isFalse();
        assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204);
        assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204);
        sync.sync(w.id());
        assertThat(WECHAT.confirm(bill)).isFalse(); // a cancelled bill cannot be confirmed any more

        Balances b = balancesOf.of(w.promoterId()).orElseThrow();
        assertThat(b).isEqualTo(new Balances(0, 10_000, 0, 0, 0));
        assertThat(wallets.ledgerSums(w.promoterId())).isEqualTo(b);
        assertThat(ledgerEntries(w, "released")).isEqualTo(1);
        assertThat(WECHAT.bills.get(bill).timesPaid.get()).isZero();
        assertThat(memberReports(w, "MEMBER_REPORTED_CANCELLED")).isEqualTo(1);
        assertThat(payouts("EXPIRED") - expiredBefore).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> events(w.id(), "WITHDRAWAL_FAILED") == 1);
        Thread.sleep(1_000);
        assertThat(events(w.id(), "WITHDRAWAL_FAILED")).isEqualTo(1);
    }

    @Test
    void a_cancellation_finishing_later_releases_the_funds_when_the_callback_or_sync_sees_it() throws Exception {
        Withdrawal w = approvedWithdrawal(1_600);
        String bill = payOut.payOut(w.id()).outBillNo();
        WECHAT.holdCancellations = true;
        try {
            JsonNode r = JSON.readTree(
                    report(w.promoterId(), w.id(), "CANCELLED", null).getBody());
            assertThat(r.get("status").asText()).isEqualTo("PAYING"); // accepted only: still frozen
            assertThat(r.get("billState").asText()).isEqualTo("CANCELING");
            assertThat(balancesOf.of(w.promoterId()).orElseThrow().frozenFen()).isEqualTo(1_600);
            assertThat(sync.sync(w.id()).status()).isEqualTo(WithdrawalStatus.PAYING);

            WECHAT.completeCancellation(bill);
            assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204);
            assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204); // redelivered
        } finally {
            WECHAT.holdCancellations = false;
        }
        assertThat(sync.sync(w.id()).status()).isEqualTo(WithdrawalStatus.FAILED);
        assertThat(balancesOf.of(w.promoterId()).orElseThrow()).isEqualTo(new Balances(0, 10_000, 0, 0, 0));
        assertThat(ledgerEntries(w, "released")).isEqualTo(1);
    }

    @Test
    void a_bill_never_confirmed_is_closed_by_wechat_and_released_once_whoever_sees_it_first() throws Exception {
        double expiredBefore = payouts("EXPIRED");

        // the callback first, redelivered, then the sync job and a late member report
        Withdrawal byCallback = approvedWithdrawal(2_000);
        String first = payOut.payOut(byCallback.id()).outBillNo();
        assertThat(WECHAT.expire(first)).isTrue();
        assertThat(WECHAT.notify(noticeUrl(), first).statusCode()).isEqualTo(204);
        assertThat(WECHAT.notify(noticeUrl(), first).statusCode()).isEqualTo(204);
        sync.sync(byCallback.id());
        JsonNode late = JSON.readTree(report(byCallback.promoterId(), byCallback.id(), "CANCELLED", null)
                .getBody());
        assertThat(late.get("status").asText()).isEqualTo("FAILED");

        // the sync job first, then the callback twice
        Withdrawal bySync = approvedWithdrawal(2_100);
        String second = payOut.payOut(bySync.id()).outBillNo();
        assertThat(WECHAT.expire(second)).isTrue();
        assertThat(sync.sync(bySync.id()).status()).isEqualTo(WithdrawalStatus.FAILED);
        assertThat(WECHAT.notify(noticeUrl(), second).statusCode()).isEqualTo(204);
        assertThat(WECHAT.notify(noticeUrl(), second).statusCode()).isEqualTo(204);

        // the member's cancel first (closed at WeChat Pay already: the query before cancelling sees it)
        Withdrawal byCancel = approvedWithdrawal(2_200);
        String third = payOut.payOut(byCancel.id()).outBillNo();
        assertThat(WECHAT.expire(third)).isTrue();
        JsonNode cancelled = JSON.readTree(
                report(byCancel.promoterId(), byCancel.id(), "CANCELLED", null).getBody());
        assertThat(cancelled.get("status").asText()).isEqualTo("FAILED");
        assertThat(WECHAT.notify(noticeUrl(), third).statusCode()).isEqualTo(204);
        sync.sync(byCancel.id());

        for (Withdrawal w : new Withdrawal[] {byCallback, bySync, byCancel}) {
            Balances b = balancesOf.of(w.promoterId()).orElseThrow();
            assertThat(b).isEqualTo(new Balances(0, 10_000, 0, 0, 0));
            assertThat(wallets.ledgerSums(w.promoterId())).isEqualTo(b);
            assertThat(ledgerEntries(w, "released")).isEqualTo(1);
            assertThat(status(w)).isEqualTo("FAILED");
        }
        assertThat(payouts("EXPIRED") - expiredBefore).isEqualTo(3);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> events(byCallback.id(), "WITHDRAWAL_FAILED") == 1
                        && events(bySync.id(), "WITHDRAWAL_FAILED") == 1
                        && events(byCancel.id(), "WITHDRAWAL_FAILED") == 1);
        Thread.sleep(1_000);
        assertThat(events(byCallback.id(), "WITHDRAWAL_FAILED")
                        + events(bySync.id(), "WITHDRAWAL_FAILED")
                        + events(byCancel.id(), "WITHDRAWAL_FAILED"))
                .isEqualTo(3);
    }

    @Test
    void the_openapi_document_describes_both_confirmation_operations_and_their_codes() throws Exception {
        JsonNode doc = JSON.readTree(http.getForObject("/v3/api-docs", String.class));
        JsonNode path = doc.path("paths").path("/api/v1/me/withdrawals/{id}/confirmation");
        assertThat(path.path("get")
                        .path("responses")
                        .path("404")
                        .path("description")
                        .asText())
                .contains("WITHDRAWAL_NOT_FOUND");
        assertThat(path.path("get")
                        .path("responses")
                        .path("409")
                        .path("description")
                        .asText())
                .contains("WITHDRAWAL_NOT_AWAITING_CONFIRMATION")
                .contains("WITHDRAWAL_CONFIRMATION_EXPIRED");
        assertThat(path.path("post")
                        .path("responses")
                        .path("409")
                        .path("description")
                        .asText())
                .contains("WITHDRAWAL_NOT_AWAITING_CONFIRMATION");
        JsonNode view =
                doc.path("components").path("schemas").path("ConfirmationView").path("properties");
        assertThat(view.has("mchId") && view.has("appId") && view.has("package"))
                .isTrue();
    }

    /** A verified member with 100.00 available and an automatically approved WeChat withdrawal. */
    private Withdrawal approvedWithdrawal(long amountFen) throws Exception {
        clock.set(Clock.systemUTC().instant()); // member tokens are checked against the service's clock
        WECHAT.noticeClock = clock::instant;
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
        ResponseEntity<String> identity = exchange(
                member,
                HttpMethod.PUT,
                "/api/v1/me/identity",
                "{\"realName\":\"王五\",\"idNumber\":\"" + TestIdNumbers.adult() + "\"}");
        assertThat(identity.getStatusCode().value()).isEqualTo(200);
        post.post(member, EntryType.COMMISSION_CREATED, "c:created", 10_000);
        post.post(member, EntryType.COMMISSION_SETTLED, "c:settled", 10_000);
        Withdrawal w =
                request.request(member, "confirm-1", amountFen, Channel.WECHAT).withdrawal();
        assertThat(w.status()).isEqualTo(WithdrawalStatus.APPROVED);
        return w;
    }

    private static void assertProblem(ResponseEntity<String> answer, int status, String code) throws Exception {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isNotNull();
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        JsonNode problem = JSON.readTree(answer.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).matches("[A-Z][A-Z_]+");
        if (code != null) {
            assertThat(problem.get("code").asText()).isEqualTo(code);
        }
        assertThat(problem.path("detail").asText()).matches(".*\\p{IsHan}.*"); // zh-CN for the member
    }

    private ResponseEntity<String> get(long member, String path) {
        return exchange(member, HttpMethod.GET, path, null);
    }

    private ResponseEntity<String> postJson(long member, String path, String body) {
        return exchange(member, HttpMethod.POST, path, body);
    }

    private ResponseEntity<String> report(long member, long withdrawalId, String result, String errMsg)
            throws Exception {
        var body = JSON.createObjectNode().put("result", result);
        if (errMsg != null) {
            body.put("errMsg", errMsg);
        }
        return postJson(member, "/api/v1/me/withdrawals/" + withdrawalId + "/confirmation", body.toString());
    }

    private ResponseEntity<String> exchange(long member, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(member));
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private String noticeUrl() {
        return "http://127.0.0.1:" + port + "/integration/v1/wechatpay/transfer-notices";
    }

    private String status(Withdrawal w) throws Exception {
        return JSON.readTree(get(w.promoterId(), "/api/v1/me/withdrawals").getBody())
                .get("items")
                .get(0)
                .get("status")
                .asText();
    }

    private long ledgerEntries(Withdrawal w, String step) {
        return new JdbcTemplate(dataSource)
                .queryForObject(
                        "SELECT COUNT(*) FROM wallet_ledger WHERE promoter_id = ? AND source_key = ?",
                        Long.class,
                        w.promoterId(),
                        "withdrawal:" + w.id() + ":" + step);
    }

    /** The member's reports in the withdrawal's own history ({@code action} null: any report). */
    private long memberReports(Withdrawal w, String action) {
        return new JdbcTemplate(dataSource)
                .queryForObject(
                        "SELECT COUNT(*) FROM withdrawal_audit WHERE promoter_id = ? AND withdrawal_id = ?"
                                + " AND actor = ? AND action LIKE ?",
                        Long.class,
                        w.promoterId(),
                        w.id(),
                        "member:" + w.promoterId(),
                        action == null ? "MEMBER_REPORTED_%" : action);
    }

    private String memberReportDetail(Withdrawal w) {
        return new JdbcTemplate(dataSource)
                .queryForObject(
                        "SELECT reason FROM withdrawal_audit WHERE promoter_id = ? AND withdrawal_id = ?"
                                + " AND action LIKE 'MEMBER_REPORTED_%' ORDER BY id LIMIT 1",
                        String.class, w.promoterId(), w.id());
    }

    private double payouts(String outcome) {
        return meters.get("withdrawal.payouts")
                .tag("outcome", outcome)
                .tag("channel", "WECHAT")
                .counter()
                .count();
    }

    private long events(long withdrawalId, String type) {
        return withdrawalEvents.messages().stream()
                .map(m -> {
                    try {
                        return JSON.readTree(new String(m.getBody(), StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        return JSON.createObjectNode();
                    }
                })
                .filter(e -> Long.toString(withdrawalId).equals(e.path("key").asText())
                        && type.equals(e.path("type").asText()))
                .count();
    }
}
