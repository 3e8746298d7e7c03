package com.fenxiao.settlement;

import com.fenxiao.common.time.AfterSalesWindows;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code platform.settlement.*}: after-sales windows, the release job, reconciliation thresholds. */
@ConfigurationProperties("platform.settlement")
public class SettlementProperties {

    /** SPEC §5 default after-sales window (ISO-8601, e.g. P7D, or PT30S for a demo). */
    private Duration window = Duration.ofDays(7);

    /** Per-product windows by product id; a commission spanning several waits for the longest. */
    private Map<String, Duration> productWindows = new LinkedHashMap<>();

    private final Release release = new Release();

    /** Alert when a day's commission of a product exceeds this share of its gross margin (basis points). */
    private int marginAlertBp = 5000;

    /** Base URL of withdrawal-service for the wallet side of the invariant check; empty = not connected. */
    private String walletUrl = "";

    public AfterSalesWindows windows() {
        return new AfterSalesWindows(window, productWindows);
    }

    public static class Release {
        /** Whether this instance runs the scheduled job (manual runs work regardless). */
        private boolean enabled = true;

        /** Pause between scheduled runs. */
        private Duration interval = Duration.ofMinutes(1);

        /** Commissions per transaction. */
        private int batchSize = 1000;

        /** Shards worked on at once by one instance. */
        private int threads = 2;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }
    }

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }

    public Map<String, Duration> getProductWindows() {
        return productWindows;
    }

    public void setProductWindows(Map<String, Duration> productWindows) {
        this.productWindows = productWindows;
    }

    public Release getRelease() {
        return release;
    }

    public int getMarginAlertBp() {
        return marginAlertBp;
    }

    public void setMarginAlertBp(int marginAlertBp) {
        this.marginAlertBp = marginAlertBp;
    }

    public String getWalletUrl() {
        return walletUrl;
    }

    public void setWalletUrl(String walletUrl) {
        this.walletUrl = walletUrl;
    }
}
