package com.fenxiao.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.testing.TestKeys;
import com.fenxiao.withdrawal.wallet.application.PostToWallet;
import com.fenxiao.withdrawal.wallet.application.PostToWallet.Outcome;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.WalletBalances;
import com.fenxiao.withdrawal.wallet.domain.WalletRefused;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The wallet on the real sharded database: no overdraw under concurrency, replays credit once. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalletLedgerIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, WalletLedgerIT.class);
    }

    @Autowired
    PostToWallet post;

    @Autowired
    Wallets wallets;

    @Autowired
    WalletBalances balancesOf;

    @Autowired
    TestRestTemplate http;

    private static long newPromoter() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
    }

    @Test
    void two_hundred_concurrent_withdrawals_never_overdraw_and_the_ledger_sums_to_the_balances() throws Exception {
        long promoter = newPromoter();
        post.post(promoter, EntryType.COMMISSION_CREATED, "c1:created", 10_000);
        post.post(promoter, EntryType.COMMISSION_SETTLED, "c1:settled", 10_000);

        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicInteger frozen = new AtomicInteger();
        ConcurrentHashMap<WalletRefused.Reason, AtomicInteger> refused = new ConcurrentHashMap<>();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String source = "w" + i + ":frozen";
            all.add(pool.submit(() -> {
                try {
                    if (post.post(promoter, EntryType.WITHDRAWAL_FROZEN, source, 100) == Outcome.POSTED) {
                        frozen.incrementAndGet();
                    }
                } catch (WalletRefused e) {
                    refused.computeIfAbsent(e.reason(), r -> new AtomicInteger())
                            .incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();

        assertThat(frozen.get()).isEqualTo(100);
        assertThat(refused.get(WalletRefused.Reason.INSUFFICIENT_AVAILABLE).get())
                .isEqualTo(100);
        Balances balances = balancesOf.of(promoter).orElseThrow();
        assertThat(balances).isEqualTo(new Balances(0, 0, 10_000, 0, 0));
        assertThat(wallets.ledgerSums(promoter)).isEqualTo(balances);
    }

    @Test
    void a_replayed_settlement_credits_once() throws Exception {
        long promoter = newPromoter();
        assertThat(post.post(promoter, EntryType.COMMISSION_CREATED, "c9:created", 1_671))
                .isEqualTo(Outcome.POSTED);
        assertThat(post.post(promoter, EntryType.COMMISSION_SETTLED, "c9:settled", 1_671))
                .isEqualTo(Outcome.POSTED);
        assertThat(post.post(promoter, EntryType.COMMISSION_SETTLED, "c9:settled", 1_671))
                .isEqualTo(Outcome.ALREADY_POSTED);
        assertThat(post.post(promoter, EntryType.COMMISSION_CREATED, "c9:created", 1_671))
                .isEqualTo(Outcome.ALREADY_POSTED);
        Balances balances = balancesOf.of(promoter).orElseThrow();
        assertThat(balances).isEqualTo(new Balances(0, 1_671, 0, 0, 0));
        assertThat(wallets.ledgerSums(promoter)).isEqualTo(balances);
    }

    @Test
    void a_reversal_beyond_the_balance_becomes_debt_that_blocks_withdrawals_until_a_release_covers_it()
            throws Exception {
        long promoter = newPromoter();
        post.post(promoter, EntryType.COMMISSION_CREATED, "a:created", 300);
        post.post(promoter, EntryType.COMMISSION_SETTLED, "a:settled", 300);
        post.post(promoter, EntryType.COMMISSION_REVERSED, "b:reversed", 1_000);
        assertThat(balancesOf.of(promoter).orElseThrow()).isEqualTo(new Balances(0, 0, 0, 0, 700));

        post.post(promoter, EntryType.COMMISSION_CREATED, "c:created", 1_000);
        post.post(promoter, EntryType.COMMISSION_SETTLED, "c:settled", 1_000);
        Balances balances = balancesOf.of(promoter).orElseThrow();
        assertThat(balances).isEqualTo(new Balances(0, 300, 0, 0, 0));
        assertThat(wallets.ledgerSums(promoter)).isEqualTo(balances);
    }

    @Test
    void a_member_reads_their_own_wallet_and_only_their_own() throws Exception {
        long promoter = newPromoter();
        post.post(promoter, EntryType.COMMISSION_CREATED, "m:created", 2_000);
        post.post(promoter, EntryType.COMMISSION_SETTLED, "m:settled", 1_500 + 500);
        post.post(promoter, EntryType.COMMISSION_CREATED, "n:created", 626);

        assertThat(wallet(promoter).getBody())
                .contains("\"pendingFen\":626")
                .contains("\"availableFen\":2000")
                .contains("\"frozenFen\":0")
                .contains("\"withdrawnFen\":0")
                .contains("\"debtFen\":0");
        // someone else sees an empty wallet of their own, whatever header they add
        HttpHeaders forged = new HttpHeaders();
        forged.setBearerAuth(TestKeys.memberToken(promoter + 1));
        forged.add("X-User-Id", Long.toString(promoter));
        ResponseEntity<String> other =
                http.exchange("/api/v1/me/wallet", HttpMethod.GET, new HttpEntity<>(forged), String.class);
        assertThat(other.getBody()).contains("\"availableFen\":0").contains("\"pendingFen\":0");
        assertThat(http.getForEntity("/api/v1/me/wallet", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    private ResponseEntity<String> wallet(long member) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(member));
        return http.exchange("/api/v1/me/wallet", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
