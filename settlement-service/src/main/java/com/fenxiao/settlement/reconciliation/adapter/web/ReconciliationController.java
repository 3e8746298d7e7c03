package com.fenxiao.settlement.reconciliation.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.settlement.reconciliation.application.CheckInvariants;
import com.fenxiao.settlement.reconciliation.application.ReconciliationMonitor;
import com.fenxiao.settlement.reconciliation.application.ReconciliationQueries;
import com.fenxiao.settlement.reconciliation.domain.InvariantReport;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SPEC §8 reconciliation for staff: commission against gross margin per day and product, and the invariants. */
@RestController
@RequestMapping("/admin/v1/reconciliation")
class ReconciliationController {

    static final StaffRole[] READERS = {StaffRole.OPS, StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN};

    private final ReconciliationQueries queries;
    private final ReconciliationMonitor monitor;
    private final CheckInvariants invariants;

    ReconciliationController(ReconciliationQueries queries, ReconciliationMonitor monitor, CheckInvariants invariants) {
        this.queries = queries;
        this.monitor = monitor;
        this.invariants = invariants;
    }

    record LineView(
            LocalDate day,
            String productId,
            long paidFen,
            long refundedFen,
            long costFen,
            long grossMarginFen,
            long commissionFen,
            Long commissionShareBp,
            boolean alert) {

        static LineView of(ReconciliationLine line) {
            var t = line.totals();
            var m = line.margin();
            return new LineView(
                    t.day(),
                    t.productId(),
                    t.paidFen(),
                    t.refundedFen(),
                    t.costFen(),
                    m.grossMarginFen(),
                    t.commissionFen(),
                    m.commissionShareBp(),
                    m.alert());
        }
    }

    record ReportView(
            LocalDate from,
            LocalDate to,
            String productId,
            int marginAlertBp,
            LineView total,
            List<LineView> days,
            List<LineView> rows,
            boolean rowsTruncated,
            long alertCount,
            List<LineView> alerts,
            long alertsLast7Days) {}

    @GetMapping
    ReportView report(
            CallerIdentity caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String productId) {
        caller.requireStaff(READERS);
        ReconciliationQueries.Range range = ReconciliationQueries.Range.parse(from, to, productId);
        ReconciliationQueries.Report r = queries.report(range);
        long recent = monitor.refreshAlerts();
        return new ReportView(
                range.from(),
                range.to(),
                range.productId(),
                r.marginAlertBp(),
                LineView.of(r.total()),
                r.days().stream().map(LineView::of).toList(),
                r.rows().stream().map(LineView::of).toList(),
                r.rowsTruncated(),
                r.alertCount(),
                r.alerts().stream().map(LineView::of).toList(),
                recent);
    }

    record MismatchView(String promoterId, long settlementFen, long walletFen) {}

    record InvariantsView(
            Instant checkedAt,
            long releasedCommissions,
            long missingSettledEvents,
            long duplicateSettledEvents,
            long orphanSettledEvents,
            String wallet,
            long checkedPromoters,
            long walletMismatchCount,
            List<MismatchView> walletMismatches,
            boolean ok) {}

    @GetMapping("/invariants")
    InvariantsView invariants(CallerIdentity caller) {
        caller.requireStaff(READERS);
        InvariantReport r = invariants.check();
        return new InvariantsView(
                r.checkedAt(),
                r.releasedCommissions(),
                r.missingSettledEvents(),
                r.duplicateSettledEvents(),
                r.orphanSettledEvents(),
                r.wallet().name(),
                r.checkedPromoters(),
                r.walletMismatchCount(),
                r.walletMismatches().stream()
                        .map(m -> new MismatchView(Long.toString(m.promoterId()), m.settlementFen(), m.walletFen()))
                        .toList(),
                r.ok());
    }
}
