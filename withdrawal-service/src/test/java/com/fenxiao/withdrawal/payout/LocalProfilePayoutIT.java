package com.fenxiao.withdrawal.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.identity.TestIdNumbers;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.withdrawal.WithdrawalTestProperties;
import com.fenxiao.withdrawal.payout.adapter.wechat.WeChatPayProperties;
import com.fenxiao.withdrawal.payout.adapter.wechat.local.LocalWeChatPay;
import com.fenxiao.withdrawal.request.application.RequestWithdrawal;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import com.fenxiao.withdrawal.wallet.application.PostToWallet;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.WalletBalances;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code local} profile as a developer runs it (plus the test infrastructure): WeChat Pay is the
 * in-process fake, the payout and sync jobs run, so an approved withdrawal is sent by the job, waits
 * for the member's confirmation with a package, and is paid by the fake's signed, encrypted callback.
 * No test code touches the fake or calls a use case of the payout.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class LocalProfilePayoutIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, LocalProfilePayoutIT.class);
        registry.add("platform.wechatpay.local-fake.confirm-after", () -> "3s");
        registry.add("platform.payout.schedule.pay-every", () -> "500ms");
        registry.add("platform.payout.schedule.sync-every", () -> "1h"); // paid by the callback, not a query
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    PostToWallet post;

    @Autowired
    RequestWithdrawal request;

    @Autowired
    WalletBalances balancesOf;

    @Autowired
    LocalWeChatPay wechat;

    @Autowired
    WeChatPayProperties wechatSettings;

    @Autowired
    MeterRegistry meters;

    @Test
    void an_approved_withdrawal_is_paid_through_the_in_process_fake_wechat_pay() throws Exception {
        assertThat(wechatSettings.isEnabled()).isTrue();
        assertThat(wechatSettings.getBaseUrl()).isEqualTo(wechat.baseUrl()).startsWith("http://127.0.0.1:");
        double paidBefore = paidWeChat();

        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(member));
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange(
                                "/api/v1/me/identity",
                                HttpMethod.PUT,
                                new HttpEntity<>(
                                        "{\"realName\":\"赵六\",\"idNumber\":\"" + TestIdNumbers.adult() + "\"}",
                                        headers),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        post.post(member, EntryType.COMMISSION_CREATED, "local:created", 10_000);
        post.post(member, EntryType.COMMISSION_SETTLED, "local:settled", 10_000);
        Withdrawal w = request.request(member, "local-1", 2_000, Channel.WECHAT).withdrawal();
        assertThat(w.status()).isEqualTo(WithdrawalStatus.APPROVED);

        // the payout job sends it; the member sees the confirmation package while the bill waits
        AtomicReference<JsonNode> waiting = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode item = latest(member);
                    if (item.path("packageInfo").isTextual()) {
                        waiting.set(item);
                        return true;
                    }
                    return false;
                });
        assertThat(waiting.get().get("status").asText()).isEqualTo("PAYING");
        String bill = waiting.get().get("packageInfo").asText().substring(LocalWeChatPay.PACKAGE_PREFIX.length());
        assertThat(wechat.bills.get(bill).state).isIn("WAIT_USER_CONFIRM", "SUCCESS");

        // the fake member confirms and the signed, encrypted callback pays it
        await().atMost(Duration.ofSeconds(30))
                .until(() -> latest(member).get("status").asText().equals("PAID"));
        assertThat(wechat.bills.get(bill).state).isEqualTo("SUCCESS");
        assertThat(wechat.bills.get(bill).timesPaid.get()).isEqualTo(1);
        assertThat(wechat.signatureFailures.get()).isZero();
        assertThat(wechat.bills.get(bill).amountFen).isEqualTo(w.netFen());
        assertThat(balancesOf.of(member).orElseThrow()).isEqualTo(new Balances(0, 8_000, 0, 2_000, 0));
        assertThat(paidWeChat() - paidBefore).isEqualTo(1);
    }

    private JsonNode latest(long member) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(member));
        String body = http.exchange("/api/v1/me/withdrawals", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getBody();
        return JSON.readTree(body).get("items").get(0);
    }

    private double paidWeChat() {
        return meters.get("withdrawal.payouts")
                .tag("outcome", "PAID")
                .tag("channel", "WECHAT")
                .counter()
                .count();
    }
}
