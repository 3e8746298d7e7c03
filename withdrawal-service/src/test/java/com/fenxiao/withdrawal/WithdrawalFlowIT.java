package com.fenxiao.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.identity.TestIdNumbers;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.testing.TopicWatcher;
import com.fenxiao.withdrawal.request.application.RequestWithdrawal;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.wallet.application.PostToWallet;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.WalletBalances;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
 * Real-name, quote, request with an idempotency key, review (automatic, single, maker-checker,
 * rejection returning funds, flagged members), limits and tax, on the real stack through HTTP.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WithdrawalFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicWatcher withdrawalEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, WithdrawalFlowIT.class);
        registry.add("platform.withdrawal.daily-count", () -> "1000");
        registry.add("platform.withdrawal.daily-amount-fen", () -> "100000000");
        registry.add("platform.withdrawal.monthly-amount-fen", () -> "1000000000");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    PostToWallet post;

    @Autowired
    WalletBalances balancesOf;

    @Autowired
    Wallets wallets;

    @Autowired
    RequestWithdrawal requestWithdrawal;

    @Autowired
    MessagePublisher publisher;

    @Autowired
    EventCodec codec;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void watch() {
        withdrawalEvents = TopicWatcher.watch(Topics.WITHDRAWAL_EVENTS);
    }

    @AfterAll
    static void stopWatching() {
        withdrawalEvents.close();
    }

    static long newMember() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
    }

    /** A verified member with {@code availableFen} released commission. */
    long fundedMember(long availableFen) throws Exception {
        long member = newMember();
        ResponseEntity<String> verified = exchange(
                HttpMethod.PUT, "/api/v1/me/identity", member, identityJson("张三", TestIdNumbers.adult()), null);
        assertThat(verified.getStatusCode().value()).isEqualTo(200);
        post.post(member, EntryType.COMMISSION_CREATED, "fund-" + member + ":created", availableFen);
        post.post(member, EntryType.COMMISSION_SETTLED, "fund-" + member + ":settled", availableFen);
        return member;
    }

    @Test
    void a_quote_shows_fee_tax_and_net_and_a_request_freezes_once_per_idempotency_key() throws Exception {
        long member = fundedMember(400_000);
        JsonNode quote =
                json(exchange(HttpMethod.POST, "/api/v1/me/withdrawals/quote", member, body(300_000, "WECHAT"), null));
        assertThat(quote.get("taxFen").asLong()).isEqualTo(44_000); // SPEC §7: 3000 yuan → 440
        assertThat(quote.get("netFen").asLong()).isEqualTo(256_000);
        assertThat(quote.get("expectedArrival").asText()).isNotBlank();

        ResponseEntity<String> first =
                exchange(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(300_000, "WECHAT"), "k-1");
        ResponseEntity<String> again =
                exchange(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(300_000, "WECHAT"), "k-1");
        ResponseEntity<String> other =
                exchange(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(200_000, "WECHAT"), "k-1");

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        JsonNode w = json(first);
        assertThat(w.get("status").asText()).isEqualTo("REVIEWING"); // above the automatic threshold
        assertThat(w.get("taxFen").asLong()).isEqualTo(44_000);
        assertThat(w.get("id").isTextual()).isTrue();
        assertThat(json(again).get("id").asText()).isEqualTo(w.get("id").asText());
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        assertThat(other.getBody()).contains("IDEMPOTENCY_KEY_REUSED");
        assertThat(balancesOf.of(member).orElseThrow()).isEqualTo(new Balances(0, 100_000, 300_000, 0, 0));
        assertThat(new JdbcTemplate(dataSource)
                        .queryForObject(
                                "SELECT SUM(tax_fen) FROM tax_withholding WHERE promoter_id = ? AND voided = 0",
                                Long.class,
                                member))
                .isEqualTo(44_000);

        JsonNode history = json(exchange(HttpMethod.GET, "/api/v1/me/withdrawals", member, null, null));
        assertThat(history.get("items")).hasSize(1);
        assertThat(exchange(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(1_000, "WECHAT"), null)
                        .getBody())
                .contains("MISSING_PARAMETER");
    }

    @Test
    void a_small_request_of_an_unflagged_member_is_approved_at_once_and_a_flagged_members_goes_to_review()
            throws Exception {
        long member = fundedMember(10_000);
        JsonNode auto = json(exchange(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(1_000, "WECHAT"), "a"));
        assertThat(auto.get("status").asText()).isEqualTo("APPROVED");

        EventEnvelope flagged = codec.wrap(
                "flag-" + member,
                Instant.parse("2026-11-25T00:00:00Z"),
                new MemberFlagged(member, "DEVICE", Instant.now()));
        publisher.send(new Outgoing(Topics.RELATION_EVENTS, flagged.type(), flagged.key(), codec.write(flagged)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> new JdbcTemplate(dataSource)
                                .queryForObject(
                                        "SELECT COUNT(*) FROM member_flag WHERE user_id = ?", Integer.class, member)
                        == 1);
        JsonNode held = json(exchange(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(1_000, "WECHAT"), "b"));
        assertThat(held.get("status").asText()).isEqualTo("REVIEWING");

        String id = auto.get("id").asText();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> eventTypes(id).containsAll(List.of("WITHDRAWAL_REQUESTED", "WITHDRAWAL_APPROVED")));
    }

    @Test
    void finance_rejects_and_the_funds_return_and_a_large_one_needs_a_second_different_approver() throws Exception {
        long member = fundedMember(2_000_000);
        JsonNode small = json(exchange(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(100_000, "BANK"), "r"));
        assertThat(small.get("status").asText()).isEqualTo("REVIEWING");
        String rejectedId = small.get("id").asText();
        assertThat(staff(
                                HttpMethod.POST,
                                "/admin/v1/withdrawals/" + rejectedId + "/reject",
                                7,
                                "{\"reason\":\"资料不符\"}",
                                StaffRole.OPS)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        JsonNode rejected = json(staff(
                HttpMethod.POST,
                "/admin/v1/withdrawals/" + rejectedId + "/reject",
                7,
                "{\"reason\":\"资料不符\"}",
                StaffRole.FINANCE));
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(balancesOf.of(member).orElseThrow().availableFen()).isEqualTo(2_000_000);
        // a second click changes nothing
        assertThat(staff(
                                HttpMethod.POST,
                                "/admin/v1/withdrawals/" + rejectedId + "/reject",
                                7,
                                "{\"reason\":\"x\"}",
                                StaffRole.FINANCE)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);

        JsonNode large =
                json(exchange(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(1_000_000, "BANK"), "l"));
        String id = large.get("id").asText();
        JsonNode first =
                json(staff(HttpMethod.POST, "/admin/v1/withdrawals/" + id + "/approve", 11, null, StaffRole.FINANCE));
        assertThat(first.get("status").asText()).isEqualTo("AWAITING_SECOND_APPROVAL");
        ResponseEntity<String> self =
                staff(HttpMethod.POST, "/admin/v1/withdrawals/" + id + "/approve", 11, null, StaffRole.FINANCE);
        // the platform-wide maker-checker contract (common-lib Approvals): the maker cannot check, 403
        assertThat(self.getStatusCode().value()).isEqualTo(403);
        assertThat(self.getBody()).contains("\"code\":\"SELF_APPROVAL\"");
        JsonNode second =
                json(staff(HttpMethod.POST, "/admin/v1/withdrawals/" + id + "/approve", 12, null, StaffRole.ADMIN));
        assertThat(second.get("status").asText()).isEqualTo("APPROVED");
        assertThat(new JdbcTemplate(dataSource)
                        .queryForList(
                                "SELECT action FROM withdrawal_audit WHERE promoter_id = ? AND withdrawal_id = ? ORDER BY id",
                                String.class,
                                member,
                                Long.parseLong(id)))
                .containsExactly("REQUESTED", "FIRST_APPROVAL", "SECOND_APPROVAL");
        Balances b = balancesOf.of(member).orElseThrow();
        assertThat(b).isEqualTo(new Balances(0, 1_000_000, 1_000_000, 0, 0));
        assertThat(wallets.ledgerSums(member)).isEqualTo(b);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> eventTypes(rejectedId).contains("WITHDRAWAL_REJECTED"));
    }

    @Test
    void an_unverified_member_and_a_member_in_debt_cannot_withdraw_and_bad_input_is_a_problem() throws Exception {
        long stranger = newMember();
        post.post(stranger, EntryType.COMMISSION_CREATED, "s:created", 5_000);
        post.post(stranger, EntryType.COMMISSION_SETTLED, "s:settled", 5_000);
        assertThat(exchange(HttpMethod.POST, "/api/v1/me/withdrawals", stranger, body(1_000, "WECHAT"), "u")
                        .getBody())
                .contains("IDENTITY_NOT_VERIFIED");

        long member = fundedMember(1_000);
        post.post(member, EntryType.COMMISSION_REVERSED, "d:reversed", 1_500);
        ResponseEntity<String> debt =
                exchange(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(100, "WECHAT"), "d");
        assertThat(debt.getStatusCode().value()).isEqualTo(409);
        assertThat(debt.getBody()).contains("WITHDRAWAL_BLOCKED_BY_DEBT");
        assertThat(exchange(
                                HttpMethod.POST,
                                "/api/v1/me/withdrawals/quote",
                                member,
                                "{\"amountFen\":50,\"channel\":\"WECHAT\"}",
                                null)
                        .getBody())
                .contains("WITHDRAWAL_BELOW_MINIMUM");
        assertThat(exchange(
                                HttpMethod.POST,
                                "/api/v1/me/withdrawals/quote",
                                member,
                                "{\"amountFen\":500,\"channel\":\"CASH\"}",
                                null)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(exchange(
                                HttpMethod.PUT,
                                "/api/v1/me/identity",
                                newMember(),
                                identityJson("李四", "110105194912310021"),
                                null)
                        .getBody())
                .contains("IDENTITY_ID_NUMBER_CHECK_FAILED");
    }

    @Test
    void two_hundred_concurrent_withdrawals_against_one_wallet_never_overdraw_and_the_ledger_sums_to_the_balances()
            throws Exception {
        long member = fundedMember(10_000);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicInteger accepted = new AtomicInteger();
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "c-" + i;
            all.add(pool.submit(() -> {
                try {
                    requestWithdrawal.request(member, key, 100, Channel.WECHAT);
                    accepted.incrementAndGet();
                } catch (com.fenxiao.common.error.PlatformException e) {
                    refused.computeIfAbsent(e.code(), c -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        assertThat(accepted.get()).isEqualTo(100);
        assertThat(refused.get("WITHDRAWAL_INSUFFICIENT_BALANCE").get()).isEqualTo(100);
        Balances b = balancesOf.of(member).orElseThrow();
        assertThat(b).isEqualTo(new Balances(0, 0, 10_000, 0, 0));
        assertThat(wallets.ledgerSums(member)).isEqualTo(b);
    }

    @Test
    void a_bank_withdrawal_goes_out_in_a_batch_file_once_and_is_marked_paid_with_the_bank_reference() throws Exception {
        long member = fundedMember(20_000);
        String id = json(exchange(HttpMethod.POST, "/api/v1/me/withdrawals", member, body(10_000, "BANK"), "bank"))
                .get("id")
                .asText();
        ResponseEntity<String> batch =
                staff(HttpMethod.POST, "/admin/v1/withdrawals/bank-batches", 21, null, StaffRole.FINANCE);
        assertThat(batch.getStatusCode().value()).isEqualTo(200);
        assertThat(batch.getBody()).contains(id + "," + member + ",张三,10000,0,0,10000");
        assertThat(staff(HttpMethod.POST, "/admin/v1/withdrawals/bank-batches", 21, null, StaffRole.FINANCE)
                        .getBody())
                .doesNotContain(id);

        JsonNode paid = json(staff(
                HttpMethod.POST,
                "/admin/v1/withdrawals/" + id + "/mark-paid",
                22,
                "{\"bankReference\":\"ICBC-0001\"}",
                StaffRole.FINANCE));
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(staff(
                                HttpMethod.POST,
                                "/admin/v1/withdrawals/" + id + "/mark-paid",
                                22,
                                "{\"bankReference\":\"X\"}",
                                StaffRole.FINANCE)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        Balances b = balancesOf.of(member).orElseThrow();
        assertThat(b).isEqualTo(new Balances(0, 10_000, 0, 10_000, 0));
        assertThat(wallets.ledgerSums(member)).isEqualTo(b);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventTypes(id).contains("WITHDRAWAL_PAID"));
    }

    // --- helpers

    private List<String> eventTypes(String withdrawalId) {
        List<String> types = new ArrayList<>();
        withdrawalEvents.messages().forEach(m -> {
            try {
                JsonNode e = JSON.readTree(new String(m.getBody(), StandardCharsets.UTF_8));
                if (withdrawalId.equals(e.get("key").asText())) {
                    types.add(e.get("type").asText());
                }
            } catch (Exception ignored) {
                // not ours
            }
        });
        return types;
    }

    static String identityJson(String name, String id) {
        return "{\"realName\":\"" + name + "\",\"idNumber\":\"" + id + "\"}";
    }

    static String body(long amountFen, String channel) {
        return "{\"amountFen\":" + amountFen + ",\"channel\":\"" + channel + "\"}";
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, long member, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(member));
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.add("Idempotency-Key", key);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> staff(HttpMethod method, String path, long staffId, String body, StaffRole role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.staffToken(staffId, role));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    static JsonNode json(ResponseEntity<String> r) throws Exception {
        return JSON.readTree(r.getBody());
    }
}
