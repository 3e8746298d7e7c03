package com.fenxiao.relation;

import static com.fenxiao.relation.RelationTestSupport.assertCacheAgreesWithDatabase;
import static com.fenxiao.relation.RelationTestSupport.assertProblem;
import static com.fenxiao.relation.RelationTestSupport.bind;
import static com.fenxiao.relation.RelationTestSupport.events;
import static com.fenxiao.relation.RelationTestSupport.inviteCodeOf;
import static com.fenxiao.relation.RelationTestSupport.login;
import static com.fenxiao.relation.RelationTestSupport.randomIp;
import static com.fenxiao.relation.RelationTestSupport.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.relation.v1.MemberFlagCleared;
import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.relation.RelationTestSupport.Login;
import com.fenxiao.relation.chain.domain.ChainCache;
import com.fenxiao.relation.chain.domain.ChainNodes;
import com.fenxiao.testing.TestClock;
import com.fenxiao.testing.TopicWatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * Device and IP floods flag the new accounts; the K+1-th binding to one inviter within the hour is
 * refused and flags the inviter; staff clear or confirm flags. Thresholds are small here (configuration).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RelationTestSupport.MovableClock.class)
class AntiAbuseIT {

    static final int DEVICE_LIMIT = 2;
    static final int IP_LIMIT = 3;
    static final int K = 3;

    private static TopicWatcher relationEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, AntiAbuseIT.class);
        registry.add("platform.relation.risk.device-per-window", () -> DEVICE_LIMIT);
        registry.add("platform.relation.risk.ip-per-window", () -> IP_LIMIT);
        registry.add("platform.relation.risk.inviter-bindings", () -> K);
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

    @Autowired
    com.fenxiao.common.security.Tokens.Issuer issuer;

    @BeforeAll
    static void watch() {
        relationEvents = TopicWatcher.watch(Topics.RELATION_EVENTS);
    }

    @AfterAll
    static void stopWatching() {
        relationEvents.close();
    }

    private String flagsOf(long userId) {
        return new JdbcTemplate(dataSource)
                .queryForObject("SELECT risk_flags FROM member WHERE id = ?", String.class, userId);
    }

    @Test
    void more_registrations_from_one_device_than_allowed_flag_the_new_accounts() {
        String device = "device-" + UUID.randomUUID();
        List<Login> members = new ArrayList<>();
        for (int i = 0; i <= DEVICE_LIMIT; i++) {
            members.add(login(http, uniqueCode(), null, device, randomIp(), "n" + i));
        }
        for (int i = 0; i < DEVICE_LIMIT; i++) {
            assertThat(flagsOf(members.get(i).userId())).isEmpty();
        }
        long flooder = members.get(DEVICE_LIMIT).userId();
        assertThat(flagsOf(flooder)).isEqualTo("DEVICE_FLOOD");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(relationEvents, codec, MemberFlagged.class, e -> e.userId() == flooder).stream()
                        .anyMatch(e -> e.reason().equals("DEVICE_FLOOD")));
        JsonNode chain = RelationTestSupport.json(
                        http.getForObject("/internal/v1/chains?userIds=" + flooder, String.class))
                .path("items")
                .get(0);
        assertThat(chain.path("flags").get(0).asText()).isEqualTo("DEVICE_FLOOD");
        assertCacheAgreesWithDatabase(
                http, cache, nodes, members.stream().mapToLong(Login::userId).toArray());

        // the window slides: a day later the same device registers without a flag
        clock.advance(Duration.ofHours(25));
        Login nextDay = login(http, uniqueCode(), null, device, randomIp(), "later");
        assertThat(flagsOf(nextDay.userId())).isEmpty();
    }

    @Test
    void more_registrations_from_one_ip_than_allowed_flag_the_new_accounts() {
        String ip = randomIp();
        List<Login> members = new ArrayList<>();
        for (int i = 0; i <= IP_LIMIT; i++) {
            members.add(login(http, uniqueCode(), null, "d-" + UUID.randomUUID(), ip, "n" + i));
        }
        for (int i = 0; i < IP_LIMIT; i++) {
            assertThat(flagsOf(members.get(i).userId())).isEmpty();
        }
        assertThat(flagsOf(members.get(IP_LIMIT).userId())).isEqualTo("IP_FLOOD");
        assertCacheAgreesWithDatabase(
                http, cache, nodes, members.stream().mapToLong(Login::userId).toArray());
    }

    @Test
    void the_k_plus_first_binding_to_one_inviter_within_the_hour_is_refused_and_flags_the_inviter() {
        Login inviter = login(http, uniqueCode(), null);
        String code = inviteCodeOf(http, inviter);
        for (int i = 0; i < K; i++) {
            assertThat(login(http, uniqueCode(), code).bound()).isTrue();
        }
        assertThat(flagsOf(inviter.userId())).isEmpty();
        String refusedCode = uniqueCode();
        Login refused = login(http, refusedCode, code);
        assertThat(refused.newUser()).isTrue();
        assertThat(refused.bound()).isFalse();
        assertThat(refused.refusedReason()).isEqualTo("RATE_LIMITED");
        assertThat(flagsOf(inviter.userId())).isEqualTo("INVITER_RATE_LIMIT");
        assertCacheAgreesWithDatabase(http, cache, nodes, inviter.userId(), refused.userId());

        // the self-service binding is refused the same way, as a 429 problem
        assertProblem(bind(http, refused, code), 429, "RATE_LIMITED");
        assertThat(new JdbcTemplate(dataSource)
                        .queryForObject(
                                "SELECT COUNT(*) FROM risk_flag WHERE user_id = ? AND status = 'OPEN'",
                                Integer.class,
                                inviter.userId()))
                .isEqualTo(1);

        // an hour later the inviter can take bindings again
        clock.advance(Duration.ofMinutes(61));
        Login again = login(http, refusedCode, null); // the first token expired when the clock moved
        ResponseEntity<String> ok = bind(http, again, code);
        assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(200);
        assertCacheAgreesWithDatabase(http, cache, nodes, inviter.userId(), refused.userId());
    }

    @Test
    void staff_list_clear_and_confirm_flags() {
        String ip = randomIp();
        List<Login> members = new ArrayList<>();
        for (int i = 0; i <= IP_LIMIT + 1; i++) {
            members.add(login(http, uniqueCode(), null, "d-" + UUID.randomUUID(), ip, "n" + i));
        }
        long first = members.get(IP_LIMIT).userId();
        long second = members.get(IP_LIMIT + 1).userId();
        String ops = RelationTestSupport.staffToken(issuer, 501, StaffRole.OPS);

        JsonNode open = RelationTestSupport.get(http, "/admin/v1/risk-flags?status=OPEN&userId=" + first, ops);
        assertThat(open.path("items")).hasSize(1);
        String flagId = open.path("items").get(0).path("id").asText();
        assertThat(open.path("items").get(0).path("reason").asText()).isEqualTo("IP_FLOOD");

        ResponseEntity<String> cleared = RelationTestSupport.call(
                http, HttpMethod.POST, "/admin/v1/risk-flags/" + flagId + "/clear", ops, Map.of("note", "同一公司网络"));
        assertThat(cleared.getStatusCode().value()).as(cleared.getBody()).isEqualTo(200);
        assertThat(RelationTestSupport.json(cleared.getBody()).path("status").asText())
                .isEqualTo("CLEARED");
        assertThat(flagsOf(first)).isEmpty();
        assertCacheAgreesWithDatabase(http, cache, nodes, first, second);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(relationEvents, codec, MemberFlagCleared.class, e -> e.userId() == first).stream()
                        .anyMatch(e -> e.reason().equals("IP_FLOOD") && e.clearedBy() == 501L));
        assertProblem(
                RelationTestSupport.call(http, HttpMethod.POST, "/admin/v1/risk-flags/" + flagId + "/clear", ops, null),
                409,
                "FLAG_ALREADY_RESOLVED");

        String secondFlag = RelationTestSupport.get(http, "/admin/v1/risk-flags?userId=" + second, ops)
                .path("items")
                .get(0)
                .path("id")
                .asText();
        ResponseEntity<String> confirmed = RelationTestSupport.call(
                http, HttpMethod.POST, "/admin/v1/risk-flags/" + secondFlag + "/confirm", ops, null);
        assertThat(RelationTestSupport.json(confirmed.getBody()).path("status").asText())
                .isEqualTo("CONFIRMED");
        assertThat(flagsOf(second)).isEqualTo("IP_FLOOD"); // a confirmed flag stays active
        assertCacheAgreesWithDatabase(http, cache, nodes, first, second);

        // audited, and the audit chain holds
        assertThat(new JdbcTemplate(dataSource)
                        .queryForList(
                                "SELECT action FROM audit_log WHERE target_id IN (?, ?) ORDER BY at, id",
                                String.class,
                                Long.toString(first),
                                Long.toString(second)))
                .containsExactlyInAnyOrder("RISK_FLAG_CLEARED", "RISK_FLAG_CONFIRMED");

        // an auditor reads but cannot decide; a member cannot even read
        String auditor = RelationTestSupport.staffToken(issuer, 502, StaffRole.AUDITOR);
        assertThat(RelationTestSupport.get(http, "/admin/v1/risk-flags", auditor)
                        .path("items")
                        .size())
                .isPositive();
        assertProblem(
                RelationTestSupport.call(
                        http, HttpMethod.POST, "/admin/v1/risk-flags/" + secondFlag + "/clear", auditor, null),
                403,
                "FORBIDDEN");
        assertProblem(
                RelationTestSupport.call(
                        http,
                        HttpMethod.GET,
                        "/admin/v1/risk-flags",
                        members.get(0).token(),
                        null),
                403,
                "FORBIDDEN");
    }
}
