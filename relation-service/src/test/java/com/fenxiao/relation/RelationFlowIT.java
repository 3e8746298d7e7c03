package com.fenxiao.relation;

import static com.fenxiao.relation.RelationTestSupport.assertCacheAgreesWithDatabase;
import static com.fenxiao.relation.RelationTestSupport.assertProblem;
import static com.fenxiao.relation.RelationTestSupport.bind;
import static com.fenxiao.relation.RelationTestSupport.events;
import static com.fenxiao.relation.RelationTestSupport.get;
import static com.fenxiao.relation.RelationTestSupport.inviteCodeOf;
import static com.fenxiao.relation.RelationTestSupport.login;
import static com.fenxiao.relation.RelationTestSupport.randomIp;
import static com.fenxiao.relation.RelationTestSupport.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.event.relation.v1.RelationBound;
import com.fenxiao.common.event.relation.v1.RelationRefused;
import com.fenxiao.common.messaging.MessagePublisher;
import com.fenxiao.relation.RelationTestSupport.Login;
import com.fenxiao.relation.chain.domain.ChainCache;
import com.fenxiao.relation.chain.domain.ChainNodes;
import com.fenxiao.relation.wechat.adapter.zxing.ZxingQrCodesTest;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.testing.TopicWatcher;
import java.time.Duration;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Registration, binding and its refusals on real MariaDB, Redis and RocketMQ: the chain is exactly two
 * levels, every refusal says why, and the cache agrees with the database after every change.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelationFlowIT {

    private static TopicWatcher relationEvents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, RelationFlowIT.class);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    DataSource dataSource;

    @Autowired
    ChainCache cache;

    @Autowired
    ChainNodes nodes;

    @Autowired
    EventCodec codec;

    @Autowired
    MessagePublisher publisher;

    @BeforeAll
    static void watch() {
        relationEvents = TopicWatcher.watch(Topics.RELATION_EVENTS);
    }

    @AfterAll
    static void stopWatching() {
        relationEvents.close();
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    private void agree(long... ids) {
        assertCacheAgreesWithDatabase(http, cache, nodes, ids);
    }

    @Test
    void a_invites_b_invites_c_invites_d_and_d_sees_c_and_b_and_never_a() {
        Login a = login(http, uniqueCode(), null);
        agree(a.userId());
        Login b = login(http, uniqueCode(), inviteCodeOf(http, a));
        agree(a.userId(), b.userId());
        Login c = login(http, uniqueCode(), inviteCodeOf(http, b));
        agree(a.userId(), b.userId(), c.userId());
        Login d = login(http, uniqueCode(), inviteCodeOf(http, c));
        agree(a.userId(), b.userId(), c.userId(), d.userId());

        assertThat(b.bound()).isTrue();
        assertThat(d.binding().path("inviterId").asText()).isEqualTo(Long.toString(c.userId()));
        Map<String, Object> row =
                jdbc().queryForMap("SELECT inviter_id, inviter_l2_id FROM member WHERE id = ?", d.userId());
        assertThat(((Number) row.get("inviter_id")).longValue()).isEqualTo(c.userId());
        assertThat(((Number) row.get("inviter_l2_id")).longValue()).isEqualTo(b.userId());

        String chain = http.getForObject("/internal/v1/chains?userIds=" + d.userId(), String.class);
        JsonNode item = RelationTestSupport.json(chain).path("items").get(0);
        assertThat(item.path("level1").path("userId").asText()).isEqualTo(Long.toString(c.userId()));
        assertThat(item.path("level2").path("userId").asText()).isEqualTo(Long.toString(b.userId()));
        assertThat(item.path("level1").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(chain).doesNotContain(Long.toString(a.userId()));

        // A's team: B at level 1, C at level 2, and D nowhere (no third level)
        JsonNode promoterA = get(http, "/api/v1/me/promoter", a.token());
        assertThat(promoterA.path("level1Count").asLong()).isEqualTo(1);
        assertThat(promoterA.path("level2Count").asLong()).isEqualTo(1);
        JsonNode level2 = get(http, "/api/v1/me/team?level=2", a.token());
        assertThat(level2.path("items")).hasSize(1);
        assertThat(level2.path("items").get(0).path("userId").asText()).isEqualTo(Long.toString(c.userId()));
        assertThat(level2.toString()).doesNotContain(Long.toString(d.userId()));

        // each binding was announced with the full chain as of its time
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(relationEvents, codec, RelationBound.class, e -> e.userId() == d.userId())
                                .size()
                        == 1);
        RelationBound forD = events(relationEvents, codec, RelationBound.class, e -> e.userId() == d.userId())
                .get(0);
        assertThat(forD.inviterId()).isEqualTo(c.userId());
        assertThat(forD.inviterL2Id()).isEqualTo(b.userId());
        assertThat(forD.channel()).isEqualTo("LINK");
        assertThat(jdbc().queryForObject(
                                "SELECT COUNT(*) FROM bind_history WHERE user_id = ? AND action = 'BOUND'",
                                Integer.class,
                                d.userId()))
                .isEqualTo(1);
    }

    @Test
    void a_binding_announces_the_members_nickname_masked_at_login_and_at_a_later_bind() {
        Login top = login(http, uniqueCode(), null);
        Login invited =
                login(http, uniqueCode(), inviteCodeOf(http, top), "dev-" + UUID.randomUUID(), randomIp(), "王小明");
        Login later = login(http, uniqueCode(), null, "dev-" + UUID.randomUUID(), randomIp(), "李四光");
        ResponseEntity<String> bound = bind(http, later, inviteCodeOf(http, top));
        assertThat(bound.getStatusCode().value()).as(bound.getBody()).isEqualTo(200);
        agree(top.userId(), invited.userId(), later.userId());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(
                                        relationEvents,
                                        codec,
                                        RelationBound.class,
                                        e -> e.userId() == invited.userId() || e.userId() == later.userId())
                                .size()
                        == 2);
        RelationBound atLogin = events(relationEvents, codec, RelationBound.class, e -> e.userId() == invited.userId())
                .get(0);
        RelationBound atBind = events(relationEvents, codec, RelationBound.class, e -> e.userId() == later.userId())
                .get(0);
        // commission-engine shows buyers by this; the raw nickname never leaves relation-service
        assertThat(atLogin.userNickname()).isEqualTo("王**明");
        assertThat(atBind.userNickname()).isEqualTo("李**光");
    }

    @Test
    void logging_in_twice_with_the_same_code_is_one_member() {
        String code = uniqueCode();
        Login first = login(http, code, null);
        Login second = login(http, code, null);
        assertThat(first.newUser()).isTrue();
        assertThat(second.newUser()).isFalse();
        assertThat(second.userId()).isEqualTo(first.userId());
        assertThat(jdbc().queryForObject(
                                "SELECT COUNT(*) FROM member WHERE openid = (SELECT openid FROM member WHERE id = ?)",
                                Integer.class,
                                first.userId()))
                .isEqualTo(1);
        assertThat(first.token()).isNotBlank();
        assertThat(first.body().path("expiresIn").asLong()).isPositive();
        // the token is the member's own: it opens the member's pages
        assertThat(get(http, "/api/v1/me/promoter", second.token())
                        .path("userId")
                        .asText())
                .isEqualTo(Long.toString(first.userId()));
        // the agreement acceptance is on record with its version and IP
        assertThat(jdbc().queryForObject(
                                "SELECT COUNT(*) FROM agreement_acceptance WHERE user_id = ? AND version = '"
                                        + RelationTestSupport.AGREEMENT_VERSION + "'",
                                Integer.class,
                                first.userId()))
                .isEqualTo(1);
    }

    @Test
    void an_unknown_code_still_registers_the_member_unbound_and_says_why() {
        Login member = login(http, uniqueCode(), "ZZZZZZZ");
        assertThat(member.newUser()).isTrue();
        assertThat(member.bound()).isFalse();
        assertThat(member.refusedReason()).isEqualTo("INVALID_INVITE_CODE");
        assertThat(member.binding().path("refusedMessage").asText()).isEqualTo("邀请码无效或已停用");
        agree(member.userId());
        Login garbage = login(http, uniqueCode(), "not a code!");
        assertThat(garbage.refusedReason()).isEqualTo("INVALID_INVITE_CODE");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events(relationEvents, codec, RelationRefused.class, e -> e.userId() == member.userId())
                        .isEmpty());
        assertThat(events(relationEvents, codec, RelationRefused.class, e -> e.userId() == member.userId())
                        .get(0)
                        .reason())
                .isEqualTo("INVALID_INVITE_CODE");
        assertThat(jdbc().queryForObject(
                                "SELECT reason FROM bind_history WHERE user_id = ? AND action = 'REFUSED'",
                                String.class,
                                member.userId()))
                .isEqualTo("INVALID_INVITE_CODE");
    }

    @Test
    void invite_codes_are_read_case_insensitively() {
        Login a = login(http, uniqueCode(), null);
        String code = inviteCodeOf(http, a);
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTWXYZ]{7}");
        Login b = login(http, uniqueCode(), code.toLowerCase());
        assertThat(b.bound()).isTrue();
        agree(a.userId(), b.userId());
    }

    @Test
    void a_valid_token_of_a_member_that_does_not_exist_is_a_not_found_problem_not_a_server_error() {
        Login top = login(http, uniqueCode(), null);
        Login ghost = new Login(
                top.userId() + 987_654_321L, TestKeys.memberToken(top.userId() + 987_654_321L), false, null, null);

        assertProblem(bind(http, ghost, inviteCodeOf(http, top)), 404, "MEMBER_NOT_FOUND");
        assertProblem(
                RelationTestSupport.call(http, HttpMethod.POST, "/api/v1/me/relation/unbind", ghost.token(), Map.of()),
                404,
                "MEMBER_NOT_FOUND");
        agree(top.userId());
    }

    @Test
    void self_service_binding_refusals_each_give_their_code() {
        Login top = login(http, uniqueCode(), null);
        Login mid = login(http, uniqueCode(), inviteCodeOf(http, top));
        Login low = login(http, uniqueCode(), inviteCodeOf(http, mid));
        Login other = login(http, uniqueCode(), null);

        assertProblem(bind(http, other, inviteCodeOf(http, other)), 409, "SELF_INVITE");
        assertProblem(bind(http, other, "ZZZZZZZ"), 400, "INVALID_INVITE_CODE");
        assertProblem(bind(http, mid, inviteCodeOf(http, other)), 409, "ALREADY_BOUND");
        // top is unbound, but low sits two levels below it: binding top to low would close a cycle
        assertProblem(bind(http, top, inviteCodeOf(http, low)), 409, "CYCLE");
        assertProblem(bind(http, top, inviteCodeOf(http, mid)), 409, "CYCLE");
        agree(top.userId(), mid.userId(), low.userId(), other.userId());

        // a refusal fails nothing else: the same member can bind to a valid code afterwards
        ResponseEntity<String> ok = bind(http, other, inviteCodeOf(http, low));
        assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(200);
        JsonNode relation = RelationTestSupport.json(ok.getBody());
        assertThat(relation.path("inviterId").asText()).isEqualTo(Long.toString(low.userId()));
        assertThat(relation.path("coolingOffEndsAt").isMissingNode()).isFalse();
        agree(top.userId(), mid.userId(), low.userId(), other.userId());
        assertThat(jdbc().queryForObject(
                                "SELECT COUNT(*) FROM bind_history WHERE user_id IN (?, ?, ?) AND action = 'REFUSED'",
                                Integer.class,
                                top.userId(),
                                mid.userId(),
                                other.userId()))
                .isEqualTo(5);
    }

    @Test
    void a_member_with_a_paid_order_can_no_longer_bind() {
        Login inviter = login(http, uniqueCode(), null);
        Login buyer = login(http, uniqueCode(), null);
        String order = "O" + UUID.randomUUID().toString().substring(0, 8);
        String paid =
                """
                {"eventId":"e-%s","type":"PAID","orderId":"%s","orderNo":"SO-%s","buyerId":%d,
                 "occurredAt":"2026-11-25T10:00:00+08:00",
                 "items":[{"itemId":"1","productId":"P1","quantity":1,"paidFen":9900,"costFen":5000}]}
                """
                        .formatted(order, order, order, buyer.userId());
        try {
            publisher.send(new MessagePublisher.Outgoing(Topics.ORDER_EVENTS, "PAID", order, paid));
            publisher.send(new MessagePublisher.Outgoing(Topics.ORDER_EVENTS, "PAID", order, paid)); // redelivery
        } catch (MessagePublisher.PublishException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc().queryForObject(
                                        "SELECT COUNT(*) FROM paid_buyer WHERE user_id = ?",
                                        Integer.class,
                                        buyer.userId())
                        == 1);
        assertProblem(bind(http, buyer, inviteCodeOf(http, inviter)), 409, "HAS_PAID_ORDER");
        // a link opened later by the same member is refused for the same reason, and the login still works
        Login again = login(http, "again-" + UUID.randomUUID(), null);
        assertThat(again.newUser()).isTrue();
        assertThat(jdbc().queryForObject(
                                "SELECT COUNT(*) FROM processed_event WHERE consumer = 'relation-order-paid' AND event_id = ?",
                                Integer.class,
                                "e-" + order))
                .isEqualTo(1);
        agree(buyer.userId(), inviter.userId());
    }

    @Test
    void an_existing_member_opening_another_link_stays_with_the_first_inviter() {
        Login first = login(http, uniqueCode(), null);
        Login second = login(http, uniqueCode(), null);
        String code = uniqueCode();
        Login member = login(http, code, inviteCodeOf(http, first));
        Login later = login(http, code, inviteCodeOf(http, second));
        assertThat(later.userId()).isEqualTo(member.userId());
        assertThat(later.bound()).isTrue();
        assertThat(later.binding().path("inviterId").asText()).isEqualTo(Long.toString(first.userId()));
        assertThat(later.refusedReason()).isEqualTo("ALREADY_BOUND");
        // the first inviter's link again is not a refusal
        Login same = login(http, code, inviteCodeOf(http, first));
        assertThat(same.refusedReason()).isNull();
        agree(member.userId(), first.userId(), second.userId());
    }

    @Test
    void binding_a_member_who_already_has_invitees_moves_their_level_two_upline_in_the_same_step() {
        Login top = login(http, uniqueCode(), null);
        Login mid = login(http, uniqueCode(), null);
        Login low1 = login(http, uniqueCode(), inviteCodeOf(http, mid));
        Login low2 = login(http, uniqueCode(), inviteCodeOf(http, mid));
        assertThat(jdbc().queryForList(
                                "SELECT inviter_l2_id FROM member WHERE inviter_id = ?", Long.class, mid.userId()))
                .containsOnlyNulls();
        agree(top.userId(), mid.userId(), low1.userId(), low2.userId());

        ResponseEntity<String> bound = bind(http, mid, inviteCodeOf(http, top));
        assertThat(bound.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc().queryForList(
                                "SELECT inviter_l2_id FROM member WHERE inviter_id = ?", Long.class, mid.userId()))
                .containsExactly(top.userId(), top.userId());
        agree(top.userId(), mid.userId(), low1.userId(), low2.userId());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(relationEvents, codec, RelationBound.class, e -> e.userId() == low1.userId())
                                .size()
                        == 2);
        RelationBound latest =
                events(relationEvents, codec, RelationBound.class, e -> e.userId() == low1.userId()).stream()
                        .filter(e -> e.inviterL2Id() != null)
                        .findFirst()
                        .orElseThrow();
        assertThat(latest.inviterId()).isEqualTo(mid.userId());
        assertThat(latest.inviterL2Id()).isEqualTo(top.userId());
        assertThat(jdbc().queryForObject(
                                "SELECT COUNT(*) FROM bind_history WHERE action = 'UPLINE_CHANGED' AND user_id IN (?, ?)",
                                Integer.class,
                                low1.userId(),
                                low2.userId()))
                .isEqualTo(2);
    }

    @Test
    void the_team_is_paged_newest_first_with_masked_nicknames_and_only_levels_one_and_two() {
        Login promoter = login(http, uniqueCode(), null);
        String code = inviteCodeOf(http, promoter);
        List<Login> invitees = List.of(
                login(http, uniqueCode(), code, "d-" + UUID.randomUUID(), RelationTestSupport.randomIp(), "张三丰"),
                login(http, uniqueCode(), code, "d-" + UUID.randomUUID(), RelationTestSupport.randomIp(), "李四"),
                login(http, uniqueCode(), code, "d-" + UUID.randomUUID(), RelationTestSupport.randomIp(), "Alice"));
        JsonNode page1 = get(http, "/api/v1/me/team?level=1&size=2", promoter.token());
        assertThat(page1.path("items")).hasSize(2);
        assertThat(page1.path("nextCursor").asText()).isNotBlank();
        JsonNode page2 = get(
                http,
                "/api/v1/me/team?level=1&size=2&cursor="
                        + page1.path("nextCursor").asText(),
                promoter.token());
        assertThat(page2.path("items")).hasSize(1);
        assertThat(page2.path("nextCursor").isNull()).isTrue();
        List<String> names = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode page : List.of(page1, page2)) {
            page.path("items").forEach(i -> {
                names.add(i.path("nickname").asText());
                ids.add(i.path("userId").asText());
            });
        }
        assertThat(names).containsExactlyInAnyOrder("张**丰", "李*", "A**e");
        assertThat(ids)
                .containsExactlyInAnyOrderElementsOf(
                        invitees.stream().map(l -> Long.toString(l.userId())).toList());
        assertThat(page1.toString()).doesNotContain("张三丰");

        assertProblem(
                RelationTestSupport.call(http, HttpMethod.GET, "/api/v1/me/team?level=3", promoter.token(), null),
                400,
                "INVALID_PARAMETER");
        assertProblem(
                RelationTestSupport.call(http, HttpMethod.GET, "/api/v1/me/team?level=abc", promoter.token(), null),
                400,
                "INVALID_PARAMETER");
        assertProblem(
                RelationTestSupport.call(http, HttpMethod.GET, "/api/v1/me/team", promoter.token(), null),
                400,
                "MISSING_PARAMETER");
    }

    @Test
    void the_qr_code_is_a_png_of_the_invite_link_and_the_mini_program_code_carries_the_invite_code() throws Exception {
        Login member = login(http, uniqueCode(), null);
        JsonNode promoter = get(http, "/api/v1/me/promoter", member.token());
        // the link opens the H5 at the configured public base URL, with the code in the parameter the H5 reads
        assertThat(promoter.path("inviteLink").asText())
                .isEqualTo("https://m.fenxiao.dev/h5/?invite="
                        + promoter.path("inviteCode").asText());
        assertThat(promoter.path("qrCodeUrl").asText()).isEqualTo("/api/v1/me/promoter/qrcode");

        ResponseEntity<byte[]> qr = http.exchange(
                "/api/v1/me/promoter/qrcode",
                HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(bearer(member.token())),
                byte[].class);
        assertThat(qr.getStatusCode().value()).isEqualTo(200);
        assertThat(qr.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(ZxingQrCodesTest.decode(qr.getBody()))
                .isEqualTo(promoter.path("inviteLink").asText());

        ResponseEntity<byte[]> wxa = http.exchange(
                "/api/v1/me/promoter/wxacode",
                HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(bearer(member.token())),
                byte[].class);
        assertThat(ZxingQrCodesTest.decode(wxa.getBody()))
                .endsWith("scene=c=" + promoter.path("inviteCode").asText());
    }

    @Test
    void the_chain_look_up_answers_for_many_buyers_and_refuses_nonsense() {
        Login a = login(http, uniqueCode(), null);
        Login b = login(http, uniqueCode(), inviteCodeOf(http, a));
        JsonNode items = RelationTestSupport.json(http.getForObject(
                        "/internal/v1/chains?userIds=" + a.userId() + "," + b.userId() + ",1", String.class))
                .path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("level1").isNull()).isTrue();
        assertThat(items.get(1).path("level1").path("userId").asText()).isEqualTo(Long.toString(a.userId()));
        assertThat(items.get(1).path("level2").isNull()).isTrue();
        assertThat(items.get(2).path("known").asBoolean()).isFalse();
        assertProblem(http.getForEntity("/internal/v1/chains?userIds=x", String.class), 400, "INVALID_PARAMETER");
        StringBuilder tooMany = new StringBuilder("1");
        for (int i = 2; i <= 201; i++) {
            tooMany.append(',').append(i);
        }
        assertProblem(
                http.getForEntity("/internal/v1/chains?userIds=" + tooMany, String.class), 400, "INVALID_PARAMETER");
    }

    @Test
    void member_paths_need_a_member_token() {
        ResponseEntity<String> anonymous = http.getForEntity("/api/v1/me/promoter", String.class);
        assertProblem(anonymous, 401, "UNAUTHENTICATED");
        assertProblem(
                RelationTestSupport.call(
                        http,
                        HttpMethod.GET,
                        "/api/v1/me/promoter",
                        TestKeys.staffToken(9, com.fenxiao.common.security.StaffRole.OPS),
                        null),
                403,
                "FORBIDDEN");
    }

    private static org.springframework.http.HttpHeaders bearer(String token) {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setBearerAuth(token);
        return h;
    }
}
