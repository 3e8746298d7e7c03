package com.fenxiao.withdrawal.payout.application;

import com.fenxiao.withdrawal.payout.domain.PayoutsInFlight;
import com.fenxiao.withdrawal.request.domain.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The payout meters of deploy/monitoring (alerts PayoutFailures and PayoutsStuck, the dashboard):
 * {@code withdrawal.payouts{outcome,channel}} counts each guarded payout outcome once (Prometheus
 * {@code withdrawal_payouts_total}), and {@code withdrawal.payouts.in.flight.oldest.seconds} is the age
 * of the oldest payout in flight by the service's clock, 0 when none ({@code
 * withdrawal_payouts_in_flight_oldest_seconds}). The gauge is refreshed by the sync job after each round
 * and on its own thread every {@code platform.payout.in-flight-refresh}.
 */
@Component
public class PayoutMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PayoutMetrics.class);

    private final PayoutsInFlight inFlight;
    private final PayoutProperties props;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicLong oldestSeconds = new AtomicLong();
    private volatile ScheduledExecutorService executor;

    public PayoutMetrics(PayoutsInFlight inFlight, PayoutProperties props, Clock clock, MeterRegistry meters) {
        this.inFlight = inFlight;
        this.props = props;
        this.clock = clock;
        this.meters = meters;
        // the outcomes each channel has, registered at zero so a first increase is visible to increase()
        for (PayoutOutcome outcome : PayoutOutcome.values()) {
            counter(outcome, Channel.WECHAT);
        }
        counter(PayoutOutcome.PAID, Channel.BANK);
        Gauge.builder("withdrawal.payouts.in.flight.oldest.seconds", oldestSeconds, AtomicLong::get)
                .description("age in seconds of the oldest withdrawal being paid or awaiting confirmation, 0 when none")
                .register(meters);
    }

    public void record(PayoutOutcome outcome, Channel channel) {
        counter(outcome, channel).increment();
    }

    private Counter counter(PayoutOutcome outcome, Channel channel) {
        return Counter.builder("withdrawal.payouts")
                .description("payout outcomes: paid, failed, expired unconfirmed, retried after an unknown answer")
                .tag("outcome", outcome.name())
                .tag("channel", channel.name())
                .register(meters);
    }

    /** Re-reads the oldest payout in flight; returns its age in seconds (0 when none). */
    public long refreshInFlight() {
        Optional<Instant> oldest = inFlight.oldestStartedAt();
        long seconds = oldest.map(
                        at -> Math.max(0, Duration.between(at, clock.instant()).toSeconds()))
                .orElse(0L);
        oldestSeconds.set(seconds);
        return seconds;
    }

    @Override
    public synchronized void start() {
        Duration every = props.getInFlightRefresh();
        if (executor != null || every == null || every.isNegative() || every.isZero()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "payout-metrics");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        refreshInFlight();
                    } catch (RuntimeException e) {
                        log.warn("payouts in flight not refreshed, retried later: {}", e.toString());
                    }
                },
                0,
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
