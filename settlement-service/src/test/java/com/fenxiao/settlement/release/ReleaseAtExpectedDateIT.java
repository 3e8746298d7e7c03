package com.fenxiao.settlement.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventType;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.commission.v1.CommissionCompleted;
import com.fenxiao.common.event.commission.v1.CommissionCreated;
import com.fenxiao.common.event.commission.v1.ProductShare;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.time.AfterSalesWindows;
import com.fenxiao.testing.PlatformTestProperties;
import com.fenxiao.testing.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15 on the real stack with the real clock and the scheduled job: a 10-second window under
 * {@code platform.settlement.window}, the key commission-engine reads for the expected release date it
 * shows (its {@code MemberCommissionViewIT}). The commission is released at completion + that window,
 * within the job's poll tolerance, and the settled event names that same instant.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ReleaseAtExpectedDateIT {

    private static final long BASE = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1000;
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    /** One job interval late at most, plus room for a loaded machine. */
    private static final Duration POLL_TOLERANCE = INTERVAL.plusSeconds(4);

    private static TopicWatcher commissionEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, ReleaseAtExpectedDateIT.class);
        registry.add("platform.settlement.window", () -> "PT10S");
        registry.add("platform.settlement.release.enabled", () -> "true");
        registry.add("platform.settlement.release.interval", () -> "PT1S");
    }

    @Autowired
    MessagePublisher publisher;

    @Autowired
    EventCodec codec;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @BeforeAll
    static void watch() {
        commissionEvents = TopicWatcher.watch(Topics.COMMISSION_EVENTS);
    }

    @AfterAll
    static void stopWatching() {
        commissionEvents.close();
    }

    @Test
    void a_completed_commission_is_released_at_completion_plus_the_window_the_member_was_shown() throws Exception {
        long id = BASE + 1, promoter = BASE + 101;
        // whole seconds, as order systems send them and as DATETIME keeps them on this MariaDB (a due date
        // recomputed from the stored completion would otherwise lose the fraction)
        Instant completedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // the date commission-engine shows: the same rule over the same configured window
        Instant expected = completedAt.plus(new AfterSalesWindows(WINDOW, Map.of()).windowFor(List.of("P1")));

        publish(created(id, promoter, 1_250, completedAt.minusSeconds(60)));
        publish(new CommissionCompleted(id, "O" + id, promoter, completedAt, List.of("P1"), 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> row(id) != null && row(id).get("due_at_ms") != null);
        assertThat(((Number) row(id).get("due_at_ms")).longValue()).isEqualTo(expected.toEpochMilli());

        await().atMost(WINDOW.plus(Duration.ofSeconds(60)))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "AVAILABLE".equals(row(id).get("status")));
        // settledAt is the job run's instant, to the millisecond (the DATETIME column here keeps whole seconds)
        JsonNode settled = awaitEvent("COMMISSION_SETTLED", id);
        Instant releasedAt =
                Instant.parse(settled.get("payload").get("settledAt").asText());
        assertThat(releasedAt).isAfterOrEqualTo(expected).isBefore(expected.plus(POLL_TOLERANCE));
        assertThat(Instant.parse(settled.get("payload").get("windowClosedAt").asText()))
                .isEqualTo(expected);
        assertThat(settled.get("payload").get("amountFen").asLong()).isEqualTo(1_250);
    }

    private static CommissionCreated created(long id, long promoter, long amount, Instant paidAt) {
        return new CommissionCreated(
                id,
                "O" + id,
                "SO" + id,
                promoter,
                promoter + 1,
                1,
                amount,
                "PENDING",
                paidAt,
                false,
                null,
                paidAt,
                null,
                List.of(new ProductShare("P1", amount)),
                1);
    }

    private void publish(PlatformEvent event) throws Exception {
        EventType type = EventCodec.typeOf(event.getClass());
        publisher.send(new MessagePublisher.Outgoing(
                type.topic(),
                type.value(),
                event.key(),
                codec.write(codec.wrap(UUID.randomUUID().toString(), clock.instant(), event))));
    }

    private Map<String, Object> row(long id) {
        List<Map<String, Object>> rows =
                new JdbcTemplate(dataSource).queryForList("SELECT * FROM settlement_commission WHERE id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private JsonNode awaitEvent(String type, long commissionId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (var m : commissionEvents.messages()) {
                JsonNode node = codec.mapper().readTree(new String(m.getBody(), StandardCharsets.UTF_8));
                if (node.get("type").asText().equals(type)
                        && node.get("key").asText().equals(Long.toString(commissionId))) {
                    found[0] = node;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
