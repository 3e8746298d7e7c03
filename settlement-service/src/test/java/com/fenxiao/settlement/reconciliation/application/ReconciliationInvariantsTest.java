package com.fenxiao.settlement.reconciliation.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.settlement.reconciliation.ReconciliationProperties;
import com.fenxiao.settlement.reconciliation.domain.InvariantReport;
import com.fenxiao.settlement.reconciliation.domain.LedgerInvariants;
import com.fenxiao.settlement.reconciliation.domain.WalletTotals;
import com.fenxiao.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The invariant check over fake ports: counting, paging promoters, and the wallet's three states. */
class ReconciliationInvariantsTest {

    final TestClock clock = TestClock.at("2026-11-25T02:00:00Z");
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ReconciliationProperties props = new ReconciliationProperties();
    final FakeLedger ledger = new FakeLedger();

    @Test
    void without_a_wallet_address_only_the_event_invariants_are_checked() {
        ledger.counts.put("ds_0", new LedgerInvariants.EventCounts(5, 1, 0, 0));
        ledger.counts.put("ds_1", new LedgerInvariants.EventCounts(3, 0, 2, 1));
        ledger.credit(0, 1, 100);

        InvariantReport report = check(new FakeWallet(false, Map.of()));

        assertThat(report.wallet()).isEqualTo(InvariantReport.Wallet.NOT_CONNECTED);
        assertThat(report.releasedCommissions()).isEqualTo(8);
        assertThat(report.missingSettledEvents()).isEqualTo(1);
        assertThat(report.duplicateSettledEvents()).isEqualTo(2);
        assertThat(report.orphanSettledEvents()).isEqualTo(1);
        assertThat(report.walletMismatches()).isEmpty();
        assertThat(report.checkedPromoters()).isZero();
        assertThat(report.ok()).isFalse();
        assertThat(meters.get("settlement.invariant.violations").gauge().value())
                .isEqualTo(4.0);
    }

    @Test
    void compares_every_promoter_with_the_wallet_in_pages_of_the_configured_size() {
        props.setWalletBatch(2);
        for (long p = 1; p <= 5; p++) {
            ledger.credit((int) (p % 2), p, p * 100);
        }
        Map<Long, Long> walletSide = new HashMap<>(Map.of(1L, 100L, 2L, 200L, 3L, 300L, 4L, 999L));
        FakeWallet wallet = new FakeWallet(true, walletSide);

        InvariantReport report = check(wallet);

        assertThat(report.wallet()).isEqualTo(InvariantReport.Wallet.CONNECTED);
        assertThat(report.checkedPromoters()).isEqualTo(5);
        assertThat(report.walletMismatches())
                .containsExactlyInAnyOrder(
                        new InvariantReport.WalletMismatch(4, 400, 999), new InvariantReport.WalletMismatch(5, 500, 0));
        assertThat(wallet.requests).allSatisfy(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(2));
        assertThat(report.ok()).isFalse();
    }

    @Test
    void all_in_order_is_ok() {
        ledger.counts.put("ds_0", new LedgerInvariants.EventCounts(2, 0, 0, 0));
        ledger.credit(0, 7, 700);

        InvariantReport report = check(new FakeWallet(true, Map.of(7L, 700L)));

        assertThat(report.ok()).isTrue();
        assertThat(meters.get("settlement.invariant.violations").gauge().value())
                .isZero();
    }

    @Test
    void a_wallet_that_does_not_answer_makes_the_check_not_ok_without_inventing_mismatches() {
        ledger.credit(0, 7, 700);
        WalletTotals down = new FakeWallet(true, Map.of()) {
            @Override
            public Map<Long, Long> creditedFen(List<Long> promoterIds) throws WalletUnavailable {
                throw new WalletUnavailable("connection refused", null);
            }
        };

        InvariantReport report = check(down);

        assertThat(report.wallet()).isEqualTo(InvariantReport.Wallet.UNAVAILABLE);
        assertThat(report.walletMismatches()).isEmpty();
        assertThat(report.ok()).isFalse();
    }

    private InvariantReport check(WalletTotals wallet) {
        return new CheckInvariants(ledger, wallet, props, clock, meters).check();
    }

    static class FakeLedger implements LedgerInvariants {
        final Map<String, EventCounts> counts = new HashMap<>();
        /** database → table → promoter → credited */
        final Map<String, Map<Integer, TreeMap<Long, Long>>> credits = new HashMap<>();

        void credit(int table, long promoter, long fen) {
            String db = "ds_" + (promoter % 2);
            credits.computeIfAbsent(db, k -> new HashMap<>())
                    .computeIfAbsent(table, k -> new TreeMap<>())
                    .put(promoter, fen);
        }

        @Override
        public List<Partition> partitions() {
            return List.of(new Partition("ds_0", 2), new Partition("ds_1", 2));
        }

        @Override
        public EventCounts countEvents(String database) {
            return counts.getOrDefault(database, new EventCounts(0, 0, 0, 0));
        }

        @Override
        public List<PromoterCredit> creditedPage(String database, int table, long afterPromoterId, int limit) {
            List<PromoterCredit> out = new ArrayList<>();
            TreeMap<Long, Long> t = credits.getOrDefault(database, Map.of()).get(table);
            if (t == null) {
                return out;
            }
            for (Map.Entry<Long, Long> e : t.tailMap(afterPromoterId, false).entrySet()) {
                if (out.size() == limit) {
                    break;
                }
                out.add(new PromoterCredit(e.getKey(), e.getValue()));
            }
            return out;
        }
    }

    static class FakeWallet implements WalletTotals {
        final boolean connected;
        final Map<Long, Long> credited;
        final List<List<Long>> requests = new ArrayList<>();

        FakeWallet(boolean connected, Map<Long, Long> credited) {
            this.connected = connected;
            this.credited = credited;
        }

        @Override
        public boolean connected() {
            return connected;
        }

        @Override
        public Map<Long, Long> creditedFen(List<Long> promoterIds) throws WalletUnavailable {
            requests.add(List.copyOf(promoterIds));
            Map<Long, Long> out = new HashMap<>();
            promoterIds.forEach(id -> {
                if (credited.containsKey(id)) {
                    out.put(id, credited.get(id));
                }
            });
            return out;
        }
    }
}
