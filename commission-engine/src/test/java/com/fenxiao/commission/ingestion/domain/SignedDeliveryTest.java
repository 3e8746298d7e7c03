package com.fenxiao.commission.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedDeliveryTest {

    static final String SECRET = "order-system-shared-secret";
    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final byte[] BODY =
            "{\"eventId\":\"e-1\",\"type\":\"COMPLETED\",\"orderId\":\"1\",\"occurredAt\":\"2026-11-25T02:00:00Z\"}"
                    .getBytes(StandardCharsets.UTF_8);

    final SignedDelivery signatures = new SignedDelivery(Map.of("shop", SECRET), Duration.ofMinutes(5));

    String ts(Instant at) {
        return Long.toString(at.getEpochSecond());
    }

    @Test
    void accepts_the_hmac_of_timestamp_then_body_with_the_clients_secret() {
        String ts = ts(NOW);
        assertThatCode(() -> signatures.verify("shop", ts, SignedDelivery.signHex(SECRET, ts, BODY), BODY, NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> signatures.verify(
                        "shop",
                        ts,
                        "sha256=" + SignedDelivery.signHex(SECRET, ts, BODY).toUpperCase(),
                        BODY,
                        NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void refuses_a_changed_body_a_changed_timestamp_or_another_secret() {
        String ts = ts(NOW);
        String signature = SignedDelivery.signHex(SECRET, ts, BODY);
        byte[] changed = "{\"eventId\":\"e-2\"}".getBytes(StandardCharsets.UTF_8);

        assertRefused(() -> signatures.verify("shop", ts, signature, changed, NOW), SignedDelivery.INVALID);
        assertRefused(
                () -> signatures.verify("shop", ts(NOW.plusSeconds(1)), signature, BODY, NOW), SignedDelivery.INVALID);
        assertRefused(
                () -> signatures.verify("shop", ts, SignedDelivery.signHex("another-secret", ts, BODY), BODY, NOW),
                SignedDelivery.INVALID);
        assertRefused(() -> signatures.verify("shop", ts, "not-hex", BODY, NOW), SignedDelivery.INVALID);
    }

    @Test
    void accepts_five_minutes_either_side_and_refuses_a_second_more() {
        for (Instant sent : new Instant[] {NOW.minusSeconds(300), NOW.plusSeconds(300)}) {
            String ts = ts(sent);
            assertThatCode(() -> signatures.verify("shop", ts, SignedDelivery.signHex(SECRET, ts, BODY), BODY, NOW))
                    .doesNotThrowAnyException();
        }
        for (Instant sent : new Instant[] {NOW.minusSeconds(301), NOW.plusSeconds(301)}) {
            String ts = ts(sent);
            assertRefused(
                    () -> signatures.verify("shop", ts, SignedDelivery.signHex(SECRET, ts, BODY), BODY, NOW),
                    SignedDelivery.EXPIRED);
        }
    }

    @Test
    void refuses_missing_headers_and_unknown_clients() {
        String ts = ts(NOW);
        String signature = SignedDelivery.signHex(SECRET, ts, BODY);
        assertRefused(() -> signatures.verify(null, ts, signature, BODY, NOW), SignedDelivery.MISSING);
        assertRefused(() -> signatures.verify("shop", " ", signature, BODY, NOW), SignedDelivery.MISSING);
        assertRefused(() -> signatures.verify("shop", ts, null, BODY, NOW), SignedDelivery.MISSING);
        assertRefused(() -> signatures.verify("other", ts, signature, BODY, NOW), SignedDelivery.UNKNOWN_CLIENT);
        assertRefused(() -> signatures.verify("shop", "yesterday", signature, BODY, NOW), SignedDelivery.INVALID);
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run)
                .isInstanceOf(SignedDelivery.Refused.class)
                .extracting(e -> ((SignedDelivery.Refused) e).code())
                .isEqualTo(code);
    }
}
