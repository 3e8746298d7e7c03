package com.fenxiao.settlement.reconciliation.application;

import com.fenxiao.settlement.reconciliation.ReconciliationProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code settlement.reconciliation.alerts} (alerting day/product lines of the last 7 days) fresh
 * on a schedule and runs the invariant check periodically, on one background thread that starts with
 * the application and stops before the data sources close.
 */
@Component
public class ReconciliationMonitor implements SmartLifecycle {

    public static final int ALERT_DAYS = 7;
    private static final Logger log = LoggerFactory.getLogger(ReconciliationMonitor.class);

    private final ReconciliationQueries queries;
    private final CheckInvariants invariants;
    private final ReconciliationProperties props;
    private final AtomicLong alerts = new AtomicLong();
    private volatile ScheduledExecutorService executor;

    public ReconciliationMonitor(
            ReconciliationQueries queries,
            CheckInvariants invariants,
            ReconciliationProperties props,
            MeterRegistry meters) {
        this.queries = queries;
        this.invariants = invariants;
        this.props = props;
        Gauge.builder("settlement.reconciliation.alerts", alerts, AtomicLong::get)
                .description("day/product lines of the last 7 days whose commission exceeds the share of margin")
                .register(meters);
    }

    /** Recounts the alerts of the last 7 days; returns the count. */
    public long refreshAlerts() {
        long count = queries.alertsInLastDays(ALERT_DAYS);
        alerts.set(count);
        return count;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reconciliation-monitor");
            t.setDaemon(true);
            return t;
        });
        long alertMs = positive(props.getAlertRefresh(), Duration.ofMinutes(1)).toMillis();
        executor.scheduleWithFixedDelay(
                () -> quietly("alert refresh", this::refreshAlerts), 0, alertMs, TimeUnit.MILLISECONDS);
        Duration every = props.getInvariantInterval();
        if (every != null && !every.isNegative() && !every.isZero()) {
            executor.scheduleWithFixedDelay(
                    () -> quietly("invariant check", invariants::check),
                    every.toMillis(),
                    every.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private static Duration positive(Duration d, Duration fallback) {
        return d == null || d.isZero() || d.isNegative() ? fallback : d;
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("reconciliation {} failed: {}", what, e.toString());
        }
    }
}
