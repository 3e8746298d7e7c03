package com.fenxiao.withdrawal.payout.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.withdrawal.request.domain.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PayoutMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private final AtomicReference<Instant> oldest = new AtomicReference<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private PayoutMetrics metrics(io.micrometer.core.instrument.MeterRegistry meters) {
        return new PayoutMetrics(() -> Optional.ofNullable(oldest.get()), new PayoutProperties(), clock, meters);
    }

    @Test
    void outcomes_are_counted_by_outcome_and_channel_from_zero() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PayoutMetrics metrics = metrics(meters);
        for (PayoutOutcome outcome : PayoutOutcome.values()) {
            assertThat(count(meters, outcome.name(), "WECHAT")).isZero();
        }
        assertThat(count(meters, "PAID", "BANK")).isZero();

        metrics.record(PayoutOutcome.PAID, Channel.WECHAT);
        metrics.record(PayoutOutcome.PAID, Channel.WECHAT);
        metrics.record(PayoutOutcome.FAILED, Channel.WECHAT);
        metrics.record(PayoutOutcome.EXPIRED, Channel.WECHAT);
        metrics.record(PayoutOutcome.RETRIED, Channel.WECHAT);
        metrics.record(PayoutOutcome.PAID, Channel.BANK);

        assertThat(count(meters, "PAID", "WECHAT")).isEqualTo(2);
        assertThat(count(meters, "FAILED", "WECHAT")).isEqualTo(1);
        assertThat(count(meters, "EXPIRED", "WECHAT")).isEqualTo(1);
        assertThat(count(meters, "RETRIED", "WECHAT")).isEqualTo(1);
        assertThat(count(meters, "PAID", "BANK")).isEqualTo(1);
    }

    @Test
    void the_gauge_is_the_age_of_the_oldest_payout_in_flight_by_the_clock_and_zero_when_none() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PayoutMetrics metrics = metrics(meters);
        assertThat(gauge(meters)).isZero();

        oldest.set(NOW.minus(Duration.ofHours(25)).minusMillis(400));
        assertThat(metrics.refreshInFlight()).isEqualTo(90_000);
        assertThat(gauge(meters)).isEqualTo(90_000);

        oldest.set(NOW.plusSeconds(5)); // a clock a little behind the database's: never negative
        assertThat(metrics.refreshInFlight()).isZero();

        oldest.set(null);
        metrics.refreshInFlight();
        assertThat(gauge(meters)).isZero();
    }

    @Test
    void prometheus_names_are_those_of_the_alerts_and_the_dashboard() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PayoutMetrics metrics = metrics(meters);
        oldest.set(NOW.minusSeconds(42));
        metrics.refreshInFlight();
        metrics.record(PayoutOutcome.FAILED, Channel.WECHAT);

        String scrape = meters.scrape();
        assertThat(scrape).contains("withdrawal_payouts_total{channel=\"WECHAT\",outcome=\"FAILED\"} 1.0");
        assertThat(scrape).contains("withdrawal_payouts_total{channel=\"BANK\",outcome=\"PAID\"} 0.0");
        assertThat(scrape).contains("withdrawal_payouts_in_flight_oldest_seconds 42.0");
    }

    private static double count(SimpleMeterRegistry meters, String outcome, String channel) {
        return meters.get("withdrawal.payouts")
                .tag("outcome", outcome)
                .tag("channel", channel)
                .counter()
                .count();
    }

    private static double gauge(SimpleMeterRegistry meters) {
        return meters.get("withdrawal.payouts.in.flight.oldest.seconds").gauge().value();
    }
}
