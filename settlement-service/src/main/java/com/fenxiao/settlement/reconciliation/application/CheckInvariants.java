package com.fenxiao.settlement.reconciliation.application;

import com.fenxiao.settlement.reconciliation.ReconciliationProperties;
import com.fenxiao.settlement.reconciliation.domain.InvariantReport;
import com.fenxiao.settlement.reconciliation.domain.LedgerInvariants;
import com.fenxiao.settlement.reconciliation.domain.WalletTotals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * SPEC §8 ledger invariants: every released commission has exactly one settled event, no settled event
 * lacks its released commission, and per promoter what settlement released (settled − reversed) equals
 * what the wallet says it was credited. Promoters are compared a bounded page at a time (keyset on the
 * promoter id within each physical table), so memory stays flat however many there are. The gauge
 * {@code settlement.invariant.violations} holds the violations found by the last check.
 */
@Service
public class CheckInvariants {

    private static final Logger log = LoggerFactory.getLogger(CheckInvariants.class);

    private final LedgerInvariants ledger;
    private final WalletTotals wallet;
    private final ReconciliationProperties props;
    private final Clock clock;
    private final AtomicLong violations = new AtomicLong();

    public CheckInvariants(
            LedgerInvariants ledger,
            WalletTotals wallet,
            ReconciliationProperties props,
            Clock clock,
            MeterRegistry meters) {
        this.ledger = ledger;
        this.wallet = wallet;
        this.props = props;
        this.clock = clock;
        Gauge.builder("settlement.invariant.violations", violations, AtomicLong::get)
                .description("violations of the ledger invariants found by the last check")
                .register(meters);
    }

    public InvariantReport check() {
        Instant now = clock.instant();
        LedgerInvariants.EventCounts counts = new LedgerInvariants.EventCounts(0, 0, 0, 0);
        for (LedgerInvariants.Partition p : ledger.partitions()) {
            counts = counts.plus(ledger.countEvents(p.database()));
        }
        InvariantReport.Wallet state = InvariantReport.Wallet.NOT_CONNECTED;
        List<InvariantReport.WalletMismatch> listed = new ArrayList<>();
        long mismatches = 0;
        long promoters = 0;
        if (wallet.connected()) {
            state = InvariantReport.Wallet.CONNECTED;
            int batch = Math.max(1, props.getWalletBatch());
            int maxListed = Math.max(0, props.getMaxListed());
            try {
                for (LedgerInvariants.Partition p : ledger.partitions()) {
                    for (int table = 0; table < p.tables(); table++) {
                        long after = Long.MIN_VALUE;
                        while (true) {
                            List<LedgerInvariants.PromoterCredit> page =
                                    ledger.creditedPage(p.database(), table, after, batch);
                            if (page.isEmpty()) {
                                break;
                            }
                            Map<Long, Long> credited = wallet.creditedFen(page.stream()
                                    .map(LedgerInvariants.PromoterCredit::promoterId)
                                    .toList());
                            for (LedgerInvariants.PromoterCredit c : page) {
                                long walletFen = credited.getOrDefault(c.promoterId(), 0L);
                                if (walletFen != c.creditedFen()) {
                                    mismatches++;
                                    if (listed.size() < maxListed) {
                                        listed.add(new InvariantReport.WalletMismatch(
                                                c.promoterId(), c.creditedFen(), walletFen));
                                    }
                                }
                            }
                            promoters += page.size();
                            if (page.size() < batch) {
                                break;
                            }
                            after = page.get(page.size() - 1).promoterId();
                        }
                    }
                }
            } catch (WalletTotals.WalletUnavailable e) {
                log.warn("invariant check could not compare with the wallet: {}", e.getMessage());
                state = InvariantReport.Wallet.UNAVAILABLE;
            }
        }
        InvariantReport report = new InvariantReport(
                now,
                counts.released(),
                counts.missing(),
                counts.duplicates(),
                counts.orphans(),
                state,
                listed,
                mismatches,
                promoters);
        violations.set(report.violations());
        if (report.violations() > 0) {
            log.warn(
                    "ledger invariants violated: {} released commissions without their settled event, {} with"
                            + " duplicates, {} settled events without a released commission, {} wallet mismatches",
                    report.missingSettledEvents(),
                    report.duplicateSettledEvents(),
                    report.orphanSettledEvents(),
                    report.walletMismatchCount());
        }
        return report;
    }
}
