package com.fenxiao.settlement.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.settlement.reconciliation.*}: how often the alert gauge and the invariant check
 * run, and the bounds that keep the report and the wallet comparison small. The alert threshold and
 * the wallet address stay in {@code platform.settlement} ({@code margin-alert-bp}, {@code wallet-url}).
 */
@ConfigurationProperties("platform.settlement.reconciliation")
public class ReconciliationProperties {

    /** Refresh of the {@code settlement.reconciliation.alerts} gauge (last 7 days). */
    private Duration alertRefresh = Duration.ofMinutes(1);

    /** Scheduled invariant check; zero or negative: only on request. */
    private Duration invariantInterval = Duration.ofHours(1);

    /** Promoters per wallet request (and per page of the comparison). */
    private int walletBatch = 200;

    private Duration walletTimeout = Duration.ofSeconds(10);

    /** Day/product rows the JSON report lists at most (totals and alerts still cover the whole range). */
    private int reportMaxRows = 5000;

    /** Alerts and wallet mismatches listed at most (all are counted). */
    private int maxListed = 500;

    public Duration getAlertRefresh() {
        return alertRefresh;
    }

    public void setAlertRefresh(Duration alertRefresh) {
        this.alertRefresh = alertRefresh;
    }

    public Duration getInvariantInterval() {
        return invariantInterval;
    }

    public void setInvariantInterval(Duration invariantInterval) {
        this.invariantInterval = invariantInterval;
    }

    public int getWalletBatch() {
        return walletBatch;
    }

    public void setWalletBatch(int walletBatch) {
        this.walletBatch = walletBatch;
    }

    public Duration getWalletTimeout() {
        return walletTimeout;
    }

    public void setWalletTimeout(Duration walletTimeout) {
        this.walletTimeout = walletTimeout;
    }

    public int getReportMaxRows() {
        return reportMaxRows;
    }

    public void setReportMaxRows(int reportMaxRows) {
        this.reportMaxRows = reportMaxRows;
    }

    public int getMaxListed() {
        return maxListed;
    }

    public void setMaxListed(int maxListed) {
        this.maxListed = maxListed;
    }
}
