package com.fenxiao.relation;

import static com.fenxiao.relation.RelationTestSupport.assertCacheAgreesWithDatabase;
import static com.fenxiao.relation.RelationTestSupport.assertProblem;
import static com.fenxiao.relation.RelationTestSupport.bind;
import static com.fenxiao.relation.RelationTestSupport.events;
import static com.fenxiao.relation.RelationTestSupport.get;
import static com.fenxiao.relation.RelationTestSupport.inviteCodeOf;
import static com.fenxiao.relation.RelationTestSupport.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.event.relation.v1.RelationUnbound;
import com.fenxiao.relation.RelationTestSupport.Login;
import com.fenxiao.relation.chain.domain.ChainCache;
import com.fenxiao.relation.chain.domain.ChainNodes;
import com.fenxiao.testing.TestClock;
import com.fenxiao.testing.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The member's own unbind: once, inside the cooling-off period, and it moves the invitees' level 2. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RelationTestSupport.MovableClock.class)
class CoolingOffIT {

    private static TopicWatcher relationEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, CoolingOffIT.class);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    TestClock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    ChainCache cache;

    @Autowired
    ChainNodes nodes;

    @Autowired
    EventCodec codec;

    @BeforeAll
    static void watch() {
        relationEvents = TopicWatcher.watch(Topics.RELATION_EVENTS);
    }

    @AfterAll
    static void stopWatching() {
        relationEvents.close();
    }

    private ResponseEntity<String> unbind(Login member) {
        return RelationTestSupport.call(http, HttpMethod.POST, "/api/v1/me/relation/unbind", member.token(), null);
    }

    private List<Long> l2Of(long inviterId) {
        return new JdbcTemplate(dataSource)
                .queryForList(
                        "SELECT inviter_l2_id FROM member WHERE inviter_id = ? ORDER BY id", Long.class, inviterId);
    }

    @Test
    void an_unbind_inside_cooling_off_moves_the_level_two_upline_of_the_members_invitees() {
        Login a = login(http, RelationTestSupport.uniqueCode(), null);
        String bCode = RelationTestSupport.uniqueCode();
        Login b = login(http, bCode, inviteCodeOf(http, a));
        Login c = login(http, RelationTestSupport.uniqueCode(), inviteCodeOf(http, b));
        Login d = login(http, RelationTestSupport.uniqueCode(), inviteCodeOf(http, b));
        assertThat(l2Of(b.userId())).containsExactly(a.userId(), a.userId());
        assertCacheAgreesWithDatabase(http, cache, nodes, a.userId(), b.userId(), c.userId(), d.userId());

        JsonNode before = get(http, "/api/v1/me/promoter", b.token());
        Instant endsAt = Instant.parse(before.path("coolingOffEndsAt").asText());
        assertThat(Duration.between(Instant.parse(before.path("boundAt").asText()), endsAt))
                .isEqualTo(Duration.ofDays(7));

        clock.advance(Duration.ofDays(6));
        Login b2 = login(http, bCode, null); // tokens are short-lived: after six days, log in again
        assertThat(b2.userId()).isEqualTo(b.userId());
        ResponseEntity<String> answer = unbind(b2);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(RelationTestSupport.json(answer.getBody()).path("bound").asBoolean())
                .isFalse();

        assertThat(l2Of(b.userId())).containsExactly(null, null);
        assertThat(new JdbcTemplate(dataSource)
                        .queryForList("SELECT inviter_id FROM member WHERE id = ?", Long.class, b.userId()))
                .containsOnlyNulls();
        assertCacheAgreesWithDatabase(http, cache, nodes, a.userId(), b.userId(), c.userId(), d.userId());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events(relationEvents, codec, RelationUnbound.class, e -> e.userId() == b.userId())
                        .isEmpty());
        RelationUnbound unbound = events(relationEvents, codec, RelationUnbound.class, e -> e.userId() == b.userId())
                .get(0);
        assertThat(unbound.formerInviterId()).isEqualTo(a.userId());
        assertThat(unbound.operatorId()).isNull();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(
                                        relationEvents,
                                        codec,
                                        RelationBound.class,
                                        e -> e.userId() == c.userId() && e.inviterL2Id() == null)
                                .size()
                        == 1);
        RelationBound cNow = events(
                        relationEvents,
                        codec,
                        RelationBound.class,
                        e -> e.userId() == c.userId() && e.inviterL2Id() == null)
                .get(0);
        assertThat(cNow.inviterId()).isEqualTo(b.userId());
        assertThat(cNow.boundAt()).isEqualTo(clock.instant());

        // nothing left to unbind
        assertProblem(unbind(b2), 409, "NOT_BOUND");

        // B may bind again (no paid order), and the invitees follow; but the self-service unbind was used
        Login e = login(http, RelationTestSupport.uniqueCode(), null);
        assertThat(bind(http, b2, inviteCodeOf(http, e)).getStatusCode().value())
                .isEqualTo(200);
        assertThat(l2Of(b.userId())).containsExactly(e.userId(), e.userId());
        assertCacheAgreesWithDatabase(http, cache, nodes, b.userId(), c.userId(), d.userId(), e.userId());
        assertProblem(unbind(b2), 409, "COOLING_OFF_EXPIRED");
        assertThat(l2Of(b.userId())).containsExactly(e.userId(), e.userId());
    }

    @Test
    void after_the_cooling_off_period_only_staff_can_unbind() {
        Login a = login(http, RelationTestSupport.uniqueCode(), null);
        String code = RelationTestSupport.uniqueCode();
        Login b = login(http, code, inviteCodeOf(http, a));
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Login later = login(http, code, null); // the first token has expired meanwhile
        ResponseEntity<String> answer = unbind(later);
        assertProblem(answer, 409, "COOLING_OFF_EXPIRED");
        assertThat(RelationTestSupport.json(answer.getBody()).path("detail").asText())
                .contains("冷静期");
        assertThat(new JdbcTemplate(dataSource)
                        .queryForObject("SELECT inviter_id FROM member WHERE id = ?", Long.class, b.userId()))
                .isEqualTo(a.userId());
        assertCacheAgreesWithDatabase(http, cache, nodes, a.userId(), b.userId());
    }
}
