package com.fenxiao.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.relation.v1.MemberFlagCleared;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.common.messaging.MessagePublisher.Outgoing;
import com.fenxiao.withdrawal.request.domain.MemberFlags;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15: relation-service's flag clear (MEMBER_FLAG_CLEARED) reaches withdrawal-service through the
 * broker, so a cleared member's withdrawals are no longer sent to review for that reason; redeliveries of
 * either event change nothing.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MemberFlagsIT {

    private static final long MEMBER = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000) * 1000;
    private static final Instant AT = Instant.parse("2026-11-25T00:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, MemberFlagsIT.class);
    }

    @Autowired
    MessagePublisher publisher;

    @Autowired
    EventCodec codec;

    @Autowired
    DataSource dataSource;

    @Autowired
    MemberFlags flags;

    @Test
    void a_cleared_flag_lifts_the_review_for_its_reason_only_and_redeliveries_change_nothing() throws Exception {
        send("flag-dev-" + MEMBER, new MemberFlagged(MEMBER, "DEVICE_FLOOD", AT));
        send("flag-ip-" + MEMBER, new MemberFlagged(MEMBER, "IP_FLOOD", AT));
        await().atMost(Duration.ofSeconds(60)).until(() -> reasons() == 2);
        assertThat(flags.isFlagged(MEMBER)).isTrue();

        send("clear-dev-" + MEMBER, new MemberFlagCleared(MEMBER, 1L, "DEVICE_FLOOD", 501L, AT.plusSeconds(60)));
        awaitProcessed("clear-dev-" + MEMBER);
        assertThat(reasons()).isEqualTo(1);
        assertThat(flags.isFlagged(MEMBER)).as("IP_FLOOD is still open").isTrue();

        send("clear-ip-" + MEMBER, new MemberFlagCleared(MEMBER, 2L, "IP_FLOOD", 501L, AT.plusSeconds(120)));
        awaitProcessed("clear-ip-" + MEMBER);
        assertThat(flags.isFlagged(MEMBER)).isFalse();

        // the original flag redelivered under its own event id does not flag the member again
        send("flag-dev-" + MEMBER, new MemberFlagged(MEMBER, "DEVICE_FLOOD", AT));
        send("flag-ip-" + MEMBER, new MemberFlagged(MEMBER, "IP_FLOOD", AT));
        String marker = "flag-other-" + MEMBER;
        send(marker, new MemberFlagged(MEMBER + 1, "DEVICE_FLOOD", AT));
        awaitProcessed(marker);
        Thread.sleep(2_000);
        assertThat(flags.isFlagged(MEMBER)).isFalse();
    }

    private void send(String eventId, PlatformEvent event) throws Exception {
        EventEnvelope envelope = codec.wrap(eventId, AT, event);
        publisher.send(new Outgoing(Topics.RELATION_EVENTS, envelope.type(), envelope.key(), codec.write(envelope)));
    }

    private int reasons() {
        return new JdbcTemplate(dataSource)
                .queryForObject("SELECT COUNT(*) FROM member_flag WHERE user_id = ?", Integer.class, MEMBER);
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> new JdbcTemplate(dataSource)
                                .queryForObject(
                                        "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Long.class, eventId)
                        == 1);
    }
}
