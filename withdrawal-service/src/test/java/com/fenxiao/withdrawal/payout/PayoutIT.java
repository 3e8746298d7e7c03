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
import com.fenxiao.withdrawal.payout.application.PayoutMetrics;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeChat Pay transfer bills through the real SDK against a fake WeChat Pay that checks signatures,
 * signs answers and encrypts callbacks: exactly-once payment across timeouts and duplicate callbacks,
 * refused forged and stale callbacks, failures and expiry returning the funds, and the payout meters
 * of deploy/monitoring counting each outcome once.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PayoutIT.MovableClock.class)
class PayoutIT {

    private static final LocalWeChatPay WECHAT = LocalWeChatPay.start();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicWatcher withdrawalEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, PayoutIT.class);
        WECHAT.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("platform.withdrawal.daily-count", () -> "100");
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

    @Autowired
    PayoutMetrics payoutMetrics;

    @BeforeAll
    static void watch() {
        withdrawalEvents = TopicWatcher.watch(Topics.WITHDRAWAL_EVENTS);
    }

    @AfterAll
    static void stop() {
        withdrawalEvents.close();
        WECHAT.close();
    }

    private String noticeUrl() {
        return "http://127.0.0.1:" + port + "/integration/v1/wechatpay/transfer-notices";
    }

    /** A verified member with 10.00 available and an automatically approved withdrawal of {@code amountFen}. */
    private Withdrawal approvedWithdrawal(long amountFen) throws Exception {
        clock.set(Clock.systemUTC().instant()); // member tokens are checked against the service's clock
        WECHAT.noticeClock = clock::instant;
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(member));
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange(
                                "/api/v1/me/identity",
                                HttpMethod.PUT,
                                new HttpEntity<>(
                                        "{\"realName\":\"王五\",\"idNumber\":\"" + TestIdNumbers.adult() + "\"}",
                                        headers),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        post.post(member, EntryType.COMMISSION_CREATED, "p:created", 10_000);
        post.post(member, EntryType.COMMISSION_SETTLED, "p:settled", 10_000);
        Withdrawal w =
                request.request(member, "pay-1", amountFen, Channel.WECHAT).withdrawal();
        assertThat(w.status()).isEqualTo(WithdrawalStatus.APPROVED);
        return w;
    }

    @Test
    void a_payout_that_times_out_is_queried_and_paid_exactly_once_even_with_duplicate_callbacks() throws Exception {
        Withdrawal w = approvedWithdrawal(1_000);
        double paidBefore = payouts("PAID");
        double retriedBefore = payouts("RETRIED");
        int createsBefore = WECHAT.createCalls.get();
        WECHAT.nextCreate = LocalWeChatPay.NextCreate.TIME_OUT;

        Withdrawal afterTimeout = payOut.payOut(w.id());
        assertThat(afterTimeout.status()).isEqualTo(WithdrawalStatus.PAYING);
        assertThat(afterTimeout.billState()).isEqualTo("UNKNOWN");
        assertThat(payouts("RETRIED") - retriedBefore).isEqualTo(1);
        String bill = afterTimeout.outBillNo();
        assertThat(WECHAT.bills).containsKey(bill); // WeChat Pay did create it

        Withdrawal afterRetry = payOut.payOut(w.id());
        assertThat(afterRetry.outBillNo()).isEqualTo(bill);
        assertThat(afterRetry.billState()).isEqualTo("WAIT_USER_CONFIRM");
        assertThat(WECHAT.createCalls.get() - createsBefore).isEqualTo(1); // queried, not created again
        JsonNode mine = JSON.readTree(memberGet(w.promoterId(), "/api/v1/me/withdrawals"));
        assertThat(mine.get("items").get(0).get("packageInfo").asText()).isEqualTo("fake-package-" + bill);

        WECHAT.confirm(bill);
        assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204);
        assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204); // answered twice
        sync.sync(w.id());
        payOut.payOut(w.id());

        Balances b = balancesOf.of(w.promoterId()).orElseThrow();
        assertThat(b).isEqualTo(new Balances(0, 9_000, 0, 1_000, 0));
        assertThat(wallets.ledgerSums(w.promoterId())).isEqualTo(b);
        assertThat(WECHAT.bills.get(bill).timesPaid.get()).isEqualTo(1);
        assertThat(WECHAT.signatureFailures.get()).isZero();
        assertThat(payouts("PAID") - paidBefore).isEqualTo(1); // two callbacks, a sync and a payOut: one payment
        await().atMost(Duration.ofSeconds(60)).until(() -> events(w.id(), "WITHDRAWAL_PAID") == 1);
        Thread.sleep(1_000);
        assertThat(events(w.id(), "WITHDRAWAL_PAID")).isEqualTo(1);
    }

    @Test
    void a_forged_or_stale_callback_is_refused_and_changes_nothing() throws Exception {
        Withdrawal w = approvedWithdrawal(2_000);
        String bill = payOut.payOut(w.id()).outBillNo();
        WECHAT.confirm(bill);

        assertThat(WECHAT.notifyForged(noticeUrl(), bill).statusCode()).isEqualTo(401);
        assertThat(WECHAT.notifyStale(noticeUrl(), bill, clock.instant().minus(Duration.ofMinutes(10)))
                        .statusCode())
                .isEqualTo(401);
        assertThat(status(w)).isEqualTo("PAYING");
        assertThat(balancesOf.of(w.promoterId()).orElseThrow().frozenFen()).isEqualTo(2_000);

        assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204);
        assertThat(status(w)).isEqualTo("PAID");
    }

    @Test
    void a_failed_payout_returns_the_funds_whether_the_bill_fails_at_once_or_later() throws Exception {
        Withdrawal now = approvedWithdrawal(1_500);
        double failedBefore = payouts("FAILED");
        WECHAT.nextCreate = LocalWeChatPay.NextCreate.FAIL;
        assertThat(payOut.payOut(now.id()).status()).isEqualTo(WithdrawalStatus.FAILED);
        assertThat(balancesOf.of(now.promoterId()).orElseThrow()).isEqualTo(new Balances(0, 10_000, 0, 0, 0));

        Withdrawal later = approvedWithdrawal(1_500);
        String bill = payOut.payOut(later.id()).outBillNo();
        WECHAT.fail(bill, "PAYEE_ACCOUNT_ABNORMAL");
        assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204);
        assertThat(WECHAT.notify(noticeUrl(), bill).statusCode()).isEqualTo(204);
        assertThat(status(later)).isEqualTo("FAILED");
        assertThat(payouts("FAILED") - failedBefore).isEqualTo(2); // the second callback counts nothing
        Balances b = balancesOf.of(later.promoterId()).orElseThrow();
        assertThat(b).isEqualTo(new Balances(0, 10_000, 0, 0, 0));
        assertThat(wallets.ledgerSums(later.promoterId())).isEqualTo(b);
        assertThat(new JdbcTemplate(dataSource)
                        .queryForObject(
                                "SELECT voided FROM tax_withholding WHERE promoter_id = ? AND withdrawal_id = ?",
                                Integer.class,
                                later.promoterId(),
                                later.id()))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> events(later.id(), "WITHDRAWAL_FAILED") == 1);
    }

    @Test
    void an_unconfirmed_transfer_is_cancelled_after_24_hours_and_the_funds_return() throws Exception {
        Withdrawal w = approvedWithdrawal(3_000);
        double expiredBefore = payouts("EXPIRED");
        double failedBefore = payouts("FAILED");
        String bill = payOut.payOut(w.id()).outBillNo();
        clock.advance(Duration.ofHours(23));
        assertThat(sync.sync(w.id()).status()).isEqualTo(WithdrawalStatus.PAYING);
        // in flight since the payout started, by the service's clock
        assertThat(payoutMetrics.refreshInFlight()).isGreaterThanOrEqualTo(23 * 3600L);
        assertThat(meters.get("withdrawal.payouts.in.flight.oldest.seconds")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(23 * 3600.0);
        clock.advance(Duration.ofHours(1));
        assertThat(sync.sync(w.id()).status()).isEqualTo(WithdrawalStatus.FAILED);
        assertThat(WECHAT.bills.get(bill).state).isEqualTo("CANCELLED");
        assertThat(WECHAT.bills.get(bill).timesPaid.get()).isZero();
        assertThat(balancesOf.of(w.promoterId()).orElseThrow()).isEqualTo(new Balances(0, 10_000, 0, 0, 0));
        assertThat(payouts("EXPIRED") - expiredBefore).isEqualTo(1);
        assertThat(payouts("FAILED") - failedBefore).isZero();
    }

    private double payouts(String outcome) {
        return meters.get("withdrawal.payouts")
                .tag("outcome", outcome)
                .tag("channel", "WECHAT")
                .counter()
                .count();
    }

    private String status(Withdrawal w) throws Exception {
        return JSON.readTree(memberGet(w.promoterId(), "/api/v1/me/withdrawals"))
                .get("items")
                .get(0)
                .get("status")
                .asText();
    }

    private String memberGet(long member, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(member));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getBody();
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
