package com.fenxiao.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.commission.v1.CommissionAdjusted;
import com.fenxiao.common.event.commission.v1.CommissionCancelled;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.commission.v1.CommissionOrigin;
import com.fenxiao.common.event.commission.v1.CommissionReversed;
import com.fenxiao.common.event.commission.v1.CommissionSettled;
import com.fenxiao.common.messaging.BatchEnvelopeListener.Delivery;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.withdrawal.wallet.application.FollowCommission;
import com.fenxiao.withdrawal.wallet.application.PostToWallet;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.CommissionChange;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.WalletBalances;
import com.fenxiao.withdrawal.wallet.domain.WalletRefused;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The wallet follows commission-engine's and settlement-service's announcements through RocketMQ on
 * the real stack: each moves money once, whatever is redelivered or reordered.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CommissionEventsIT {

    private static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, CommissionEventsIT.class);
    }

    @Autowired
    MessagePublisher publisher;

    @Autowired
    EventCodec codec;

    @Autowired
    WalletBalances balancesOf;

    @Autowired
    Wallets wallets;

    @Autowired
    PostToWallet post;

    @Autowired
    DataSource dataSource;

    @Autowired
    FollowCommission follow;

    private static long newPromoter() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
    }

    private static long newCommission() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }

    @Test
    void a_replayed_settled_event_credits_once() throws Exception {
        long promoter = newPromoter(), commission = newCommission();
        publish("created-" + commission, created(commission, promoter, 1_671));
        awaitBalances(promoter, new Balances(1_671, 0, 0, 0, 0));

        String settledId = "settled-" + commission;
        CommissionSettled settled = new CommissionSettled(commission, "O1", promoter, 1_671, false, AT, AT, AT);
        publish(settledId, settled);
        publish(settledId, settled); // a redelivery of the same event
        publish("settled-again-" + commission, settled); // the same release announced twice
        awaitBalances(promoter, new Balances(0, 1_671, 0, 0, 0));

        // a marker event sent last: once it is applied, everything before it has been seen
        long marker = newCommission();
        publish("marker-" + marker, created(marker, promoter, 1));
        awaitBalances(promoter, new Balances(1, 1_671, 0, 0, 0));
        assertThat(ledgerCount(promoter, "COMMISSION_SETTLED")).isEqualTo(1);
        assertThat(wallets.ledgerSums(promoter))
                .isEqualTo(balancesOf.of(promoter).orElseThrow());
    }

    @Test
    void
            created_settled_reversed_leave_the_rest_available_and_a_reversal_beyond_it_becomes_debt_that_blocks_withdrawals()
                    throws Exception {
        long promoter = newPromoter(), commission = newCommission();
        publish("c-" + commission, created(commission, promoter, 1_000));
        publish("s-" + commission, new CommissionSettled(commission, "O2", promoter, 1_000, false, AT, AT, AT));
        awaitBalances(promoter, new Balances(0, 1_000, 0, 0, 0));

        CommissionReversed r1 = new CommissionReversed(
                commission, "O2", "R1", promoter, 300, AT, 700L, "SETTLED", List.of(), 3, CommissionOrigin.SETTLEMENT);
        publish("r1-" + commission, r1);
        publish("r1-again-" + commission, r1); // the same refund under another event id
        awaitBalances(promoter, new Balances(0, 700, 0, 0, 0));

        publish(
                "r2-" + commission,
                new CommissionReversed(
                        commission, "O2", "R2", promoter, 1_000, AT, 0L, "REVERSED", List.of(), 4, null));
        awaitBalances(promoter, new Balances(0, 0, 0, 0, 300));
        assertThatThrownBy(() -> post.post(promoter, EntryType.WITHDRAWAL_FROZEN, "w-debt:frozen", 1))
                .isInstanceOfSatisfying(WalletRefused.class, e -> assertThat(e.reason())
                        .isEqualTo(WalletRefused.Reason.BLOCKED_BY_DEBT));
        assertThat(wallets.ledgerSums(promoter))
                .isEqualTo(balancesOf.of(promoter).orElseThrow());
    }

    @Test
    void late_adjustments_and_cancellations_after_release_change_nothing_and_a_reordered_creation_adds_no_pending()
            throws Exception {
        long promoter = newPromoter(), a = newCommission(), b = newCommission();
        // a: adjusted while pending, then released, then a late adjustment and cancellation
        publish("a-c", a, created(a, promoter, 1_000));
        awaitBalances(promoter, new Balances(1_000, 0, 0, 0, 0));
        publish(
                "a-adj",
                a,
                new CommissionAdjusted(a, "O3", promoter, -400, 600, "REFUND", AT, "R1", null, List.of(), 2));
        awaitBalances(promoter, new Balances(600, 0, 0, 0, 0));
        publish("a-s", a, new CommissionSettled(a, "O3", promoter, 600, false, AT, AT, AT));
        awaitBalances(promoter, new Balances(0, 600, 0, 0, 0));
        publish(
                "a-late-adj",
                a,
                new CommissionAdjusted(a, "O3", promoter, -600, 0, "REFUND", AT, "R2", null, List.of(), 3));
        publish("a-late-cancel", a, new CommissionCancelled(a, "O3", promoter, 600, "REFUND", AT, "R2", 3, null));
        // b: settled before its creation arrives
        publish("b-s", b, new CommissionSettled(b, "O4", promoter, 500, false, AT, AT, AT));
        awaitBalances(promoter, new Balances(0, 1_100, 0, 0, 0));
        publish("b-c", b, created(b, promoter, 500));
        long marker = newCommission();
        publish("marker", marker, created(marker, promoter, 1));
        awaitBalances(promoter, new Balances(1, 1_100, 0, 0, 0));
        assertThat(wallets.ledgerSums(promoter))
                .isEqualTo(balancesOf.of(promoter).orElseThrow());
    }

    /**
     * The batch path against the one-at-a-time path: the same shuffled script of announcements (creations,
     * adjustments, cancellations, releases, reversals, redeliveries under the same id and the same change
     * under another id) for two disjoint sets of wallets, one applied event by event, the other in one batch
     * spanning both databases and then replayed whole; every wallet, its ledger and its per-commission
     * memory end the same, to the fen.
     */
    @Test
    void a_batch_moves_every_wallet_exactly_as_its_events_one_at_a_time() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int promoters = 12;
        long base = newPromoter(), offset = 1_000_000_000L;
        List<CommissionChange> script = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int c = 0; c < 40; c++) {
            long promoter = base + random.nextInt(promoters);
            long commission = newCommission();
            long amount = 100 + random.nextInt(5_000);
            List<CommissionChange> life = new ArrayList<>();
            life.add(new CommissionChange.Created(commission, promoter, amount, 1));
            if (random.nextBoolean()) {
                life.add(new CommissionChange.Adjusted(commission, promoter, amount / 2, 2, run + "-adj-" + c));
            }
            if (random.nextInt(4) == 0) {
                life.add(new CommissionChange.Cancelled(commission, promoter));
            } else {
                long released = random.nextBoolean() ? amount : amount / 2;
                life.add(new CommissionChange.Settled(commission, promoter, released));
                if (random.nextInt(3) == 0) {
                    life.add(new CommissionChange.Reversed(commission, promoter, "R" + c, 1 + random.nextInt(8_000)));
                }
            }
            if (random.nextInt(3) == 0) {
                Collections.swap(life, 0, random.nextInt(life.size())); // delivered out of order
            }
            for (int i = 0; i < life.size(); i++) {
                script.add(life.get(i));
                eventIds.add(run + "-" + c + "-" + i);
            }
        }
        // redeliveries and the same change announced again under another id
        for (int i = 0; i < 15; i++) {
            int k = random.nextInt(script.size());
            script.add(script.get(k));
            eventIds.add(random.nextBoolean() ? eventIds.get(k) : eventIds.get(k) + "-again");
        }
        List<Delivery<CommissionChange>> batch = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            follow.apply(eventIds.get(i), script.get(i));
            batch.add(new Delivery<>("b-" + eventIds.get(i), shifted(script.get(i), offset)));
        }
        follow.applyAll(batch);
        follow.applyAll(batch); // a redelivered batch changes nothing

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (long p = base; p < base + promoters; p++) {
            long shiftedPromoter = p + offset;
            assertThat(balancesOf.of(shiftedPromoter))
                    .as("wallet of %d (seed %d)", p, seed)
                    .isEqualTo(balancesOf.of(p));
            assertThat(wallets.ledgerSums(shiftedPromoter)).isEqualTo(wallets.ledgerSums(p));
            if (balancesOf.of(p).isPresent()) {
                assertThat(wallets.ledgerSums(p)).isEqualTo(balancesOf.of(p).orElseThrow());
            }
            assertThat(memoryOf(jdbc, shiftedPromoter, offset))
                    .as("per-commission memory of %d (seed %d)", p, seed)
                    .isEqualTo(memoryOf(jdbc, p, 0));
        }
    }

    private static CommissionChange shifted(CommissionChange c, long offset) {
        long promoter = c.promoterId() + offset, commission = c.commissionId() + offset;
        if (c instanceof CommissionChange.Created x) {
            return new CommissionChange.Created(commission, promoter, x.amountFen(), x.version());
        }
        if (c instanceof CommissionChange.Adjusted x) {
            return new CommissionChange.Adjusted(commission, promoter, x.amountFen(), x.version(), x.eventId());
        }
        if (c instanceof CommissionChange.Cancelled) {
            return new CommissionChange.Cancelled(commission, promoter);
        }
        if (c instanceof CommissionChange.Settled x) {
            return new CommissionChange.Settled(commission, promoter, x.amountFen());
        }
        CommissionChange.Reversed x = (CommissionChange.Reversed) c;
        return new CommissionChange.Reversed(commission, promoter, x.refundId(), x.amountFen());
    }

    private static List<String> memoryOf(JdbcTemplate jdbc, long promoter, long offset) {
        return jdbc.query(
                "SELECT commission_id, pending_fen, state, record_version FROM wallet_commission WHERE promoter_id = ?"
                        + " ORDER BY commission_id",
                (rs, i) ->
                        (rs.getLong(1) - offset) + ":" + rs.getLong(2) + ":" + rs.getString(3) + ":" + rs.getObject(4),
                promoter);
    }

    private CommissionCreated created(long commission, long promoter, long amountFen) {
        return new CommissionCreated(
                commission, "O", "SO", promoter, 42, 1, amountFen, "PENDING", AT, false, null, AT, null, List.of(), 1);
    }

    private void publish(String prefix, long commission, PlatformEvent event) throws Exception {
        publish(prefix + "-" + commission + "-" + UUID.randomUUID(), event);
    }

    private void publish(String eventId, PlatformEvent event) throws Exception {
        EventEnvelope envelope = codec.wrap(eventId, AT, event);
        publisher.send(new Outgoing(Topics.COMMISSION_EVENTS, envelope.type(), envelope.key(), codec.write(envelope)));
    }

    private void awaitBalances(long promoter, Balances expected) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(balancesOf.of(promoter)).contains(expected));
    }

    private int ledgerCount(long promoter, String type) {
        return new JdbcTemplate(dataSource)
                .queryForObject(
                        "SELECT COUNT(*) FROM wallet_ledger WHERE promoter_id = ? AND entry_type = ?",
                        Integer.class,
                        promoter,
                        type);
    }
}
