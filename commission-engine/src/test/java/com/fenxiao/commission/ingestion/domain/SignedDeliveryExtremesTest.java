package com.fenxiao.commission.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Found by the fuzzing pass (issue 8): a timestamp beyond Instant's range was a DateTimeException, a 500. */
class SignedDeliveryExtremesTest {

    static final String SECRET = "order-system-shared-secret";
    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    final SignedDelivery signatures = new SignedDelivery(Map.of("shop", SECRET), Duration.ofMinutes(5));

    @Test
    void refuses_a_correctly_signed_timestamp_beyond_the_range_of_time_as_expired() {
        for (String ts :
                new String[] {"9223372036854775807", "-9223372036854775808", "31556889864403200", "-31557014167219200"
                }) {
            String signature = SignedDelivery.signHex(SECRET, ts, BODY);
            assertThatThrownBy(() -> signatures.verify("shop", ts, signature, BODY, NOW))
                    .as(ts)
                    .isInstanceOf(SignedDelivery.Refused.class)
                    .extracting(e -> ((SignedDelivery.Refused) e).code())
                    .isEqualTo(SignedDelivery.EXPIRED);
        }
    }
}
