package com.fenxiao.relation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.event.EventEnvelope;
import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.relation.chain.domain.ChainCache;
import com.fenxiao.relation.chain.domain.ChainNode;
import com.fenxiao.relation.chain.domain.ChainNodes;
import com.fenxiao.testing.PlatformTestProperties;
import com.fenxiao.testing.TestClock;
import com.fenxiao.testing.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What relation-service's integration tests share: properties, logins, and cache-versus-database checks. */
public final class RelationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The promotion agreement version seeded by V4__agreement_versions.sql, in force since 2026-11-01. */
    public static final String AGREEMENT_VERSION = "promo-2026-11";

    private RelationTestSupport() {}

    /** The platform's real servers, a database and a Redis key prefix of the test class's own, the stand-in. */
    public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        String database = PlatformTestProperties.register(registry, testClass);
        registry.add("platform.wechat.stand-in", () -> "true");
        registry.add("platform.relation.cache.key-prefix", () -> database + ":");
    }

    /** A clock that tests move; it starts at the real time so consumers see the messages sent from now on. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class MovableClock {
        @Bean
        @Primary
        public TestClock testClock() {
            return new TestClock(Clock.systemUTC().instant());
        }
    }

    public static String uniqueCode() {
        return "wx-" + UUID.randomUUID();
    }

    public static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    /** A logged-in member as the tests see it. */
    public record Login(long userId, String token, boolean newUser, JsonNode binding, JsonNode body) {
        public boolean bound() {
            return binding.path("bound").asBoolean();
        }

        public String refusedReason() {
            return binding.path("refusedReason").asText(null);
        }
    }

    public static Login login(TestRestTemplate http, String code, String inviteCode) {
        return login(http, code, inviteCode, "dev-" + UUID.randomUUID(), randomIp(), "nick" + code.hashCode());
    }

    public static Login login(
            TestRestTemplate http, String code, String inviteCode, String deviceId, String ip, String nickname) {
        ResponseEntity<String> answer = loginRaw(http, code, inviteCode, deviceId, ip, nickname);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode body = json(answer.getBody());
        return new Login(
                Long.parseLong(body.path("userId").asText()),
                body.path("token").asText(),
                body.path("newUser").asBoolean(),
                body.path("binding"),
                body);
    }

    public static ResponseEntity<String> loginRaw(
            TestRestTemplate http, String code, String inviteCode, String deviceId, String ip, String nickname) {
        return loginRaw(http, code, inviteCode, deviceId, ip, nickname, AGREEMENT_VERSION);
    }

    public static ResponseEntity<String> loginRaw(
            TestRestTemplate http,
            String code,
            String inviteCode,
            String deviceId,
            String ip,
            String nickname,
            String agreementVersion) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("X-Client-Ip", ip);
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("code", code);
        body.put("deviceId", deviceId);
        body.put("agreementVersion", agreementVersion);
        body.put("nickname", nickname);
        if (inviteCode != null) {
            body.put("inviteCode", inviteCode);
        }
        return http.exchange("/api/v1/auth/login", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    public static ResponseEntity<String> call(
            TestRestTemplate http, HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.add("X-Client-Ip", randomIp());
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    public static JsonNode get(TestRestTemplate http, String path, String token) {
        ResponseEntity<String> answer = call(http, HttpMethod.GET, path, token, null);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json(answer.getBody());
    }

    public static String inviteCodeOf(TestRestTemplate http, Login member) {
        return get(http, "/api/v1/me/promoter", member.token())
                .path("inviteCode")
                .asText();
    }

    public static ResponseEntity<String> bind(TestRestTemplate http, Login member, String code) {
        return call(http, HttpMethod.POST, "/api/v1/me/relation/bind", member.token(), Map.of("inviteCode", code));
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** The problem's {@code code} member, asserting the status too. */
    public static void assertProblem(ResponseEntity<String> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(json(answer.getBody()).path("code").asText()).isEqualTo(code);
    }

    /**
     * Reads both stores: every cached node of these members equals the database's node. Then reads the
     * chains through the service (filling the cache) and checks again, so both stores hold every node.
     */
    public static void assertCacheAgreesWithDatabase(
            TestRestTemplate http, ChainCache cache, ChainNodes nodes, long... userIds) {
        List<Long> ids = Arrays.stream(userIds).boxed().toList();
        Map<Long, ChainNode> db = nodes.load(ids);
        cache.get(ids).forEach((id, cached) -> assertThat(cached)
                .as("cached node of %s right after the change", id)
                .isEqualTo(db.get(id)));
        StringBuilder query = new StringBuilder();
        for (long id : userIds) {
            query.append(query.isEmpty() ? "" : ",").append(id);
        }
        ResponseEntity<String> answer = http.getForEntity("/internal/v1/chains?userIds=" + query, String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Map<Long, ChainNode> cached = cache.get(ids);
        assertThat(cached.keySet()).containsExactlyInAnyOrderElementsOf(db.keySet());
        assertThat(cached).isEqualTo(db);
    }

    public static <T extends PlatformEvent> List<T> events(
            TopicWatcher watcher, EventCodec codec, Class<T> type, Predicate<T> filter) {
        List<T> found = new ArrayList<>();
        String wanted = EventCodec.typeOf(type).value();
        for (MessageExt m : watcher.messages()) {
            if (!wanted.equals(m.getTags())) {
                continue;
            }
            try {
                EventEnvelope envelope = codec.readEnvelope(new String(m.getBody(), StandardCharsets.UTF_8));
                T event = codec.payloadOf(envelope, type);
                if (filter.test(event)) {
                    found.add(event);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** A staff token valid on the service's own (possibly moved) clock. */
    public static String staffToken(
            com.fenxiao.common.security.Tokens.Issuer issuer,
            long staffId,
            com.fenxiao.common.security.StaffRole... roles) {
        return issuer.issue(
                        com.fenxiao.common.security.CallerIdentity.staff(staffId, java.util.Set.of(roles), null),
                        java.time.Duration.ofHours(1))
                .token();
    }

    public static Instant realNow() {
        return Clock.systemUTC().instant();
    }
}
