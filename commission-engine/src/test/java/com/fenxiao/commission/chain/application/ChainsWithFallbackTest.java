package com.fenxiao.commission.chain.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fenxiao.commission.chain.adapter.http.RelationChainSource;
import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.chain.domain.Chains;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A buyer whose binding event has not arrived yet is looked up at relation-service (SPEC §3). */
class ChainsWithFallbackTest {

    private HttpServer relation;
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> lastQuery = new AtomicReference<>();

    /** The engine's stored chains, in memory. */
    static final class Stored implements Chains {
        final Map<Long, Chain> rows = new HashMap<>();

        @Override
        public Optional<Chain> of(long userId) {
            return Optional.ofNullable(rows.get(userId));
        }

        @Override
        public Map<Long, Chain> ofAll(Collection<Long> userIds) {
            Map<Long, Chain> out = new HashMap<>();
            userIds.forEach(id -> {
                if (rows.containsKey(id)) {
                    out.put(id, rows.get(id));
                }
            });
            return out;
        }

        @Override
        public boolean putIfNewer(Chain chain) {
            Chain old = rows.get(chain.userId());
            if (old != null && !chain.asOf().isAfter(old.asOf())) {
                return false;
            }
            rows.put(chain.userId(), chain);
            return true;
        }
    }

    @BeforeEach
    void start() throws Exception {
        relation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relation.createContext("/internal/v1/chains", exchange -> {
            calls.incrementAndGet();
            lastQuery.set(exchange.getRequestURI().getQuery());
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        relation.start();
    }

    @AfterEach
    void stop() {
        relation.stop(0);
    }

    private RelationChainSource source() {
        return new RelationChainSource(
                "http://127.0.0.1:" + relation.getAddress().getPort() + "/", Duration.ofSeconds(2));
    }

    @Test
    void a_miss_is_looked_up_kept_and_later_overridden_by_a_relation_event() {
        Stored stored = new Stored();
        stored.rows.put(1L, new Chain(1, 10L, 20L, Instant.parse("2026-11-01T00:00:00Z")));
        answer.set(
                """
                {"items":[
                 {"userId":"2","known":true,"status":"ACTIVE","flags":[],
                  "level1":{"userId":"11","status":"ACTIVE","flags":[]},"level2":{"userId":"21","status":"ACTIVE","flags":[]}},
                 {"userId":"3","known":true,"status":"ACTIVE","flags":[],"level1":null,"level2":null},
                 {"userId":"4","known":false,"status":null,"flags":[],"level1":null,"level2":null}]}
                """);
        ChainsWithFallback chains = new ChainsWithFallback(stored, source());

        Map<Long, Chain> found = chains.ofAll(List.of(1L, 2L, 3L, 4L));

        assertThat(lastQuery.get()).isEqualTo("userIds=2,3,4");
        assertThat(found.get(1L).inviterId()).isEqualTo(10L);
        assertThat(found.get(2L).inviterId()).isEqualTo(11L);
        assertThat(found.get(2L).inviterL2Id()).isEqualTo(21L);
        assertThat(found.get(3L).inviterId()).isNull();
        assertThat(found).doesNotContainKey(4L);
        // kept: the next order of the same buyers asks nothing
        chains.ofAll(List.of(2L, 3L));
        assertThat(calls.get()).isEqualTo(1);
        // a binding event (any real time) wins over what the look-up stored
        assertThat(chains.putIfNewer(new Chain(3, 12L, null, Instant.parse("2026-11-25T00:00:00Z"))))
                .isTrue();
    }

    @Test
    void without_relation_service_the_look_up_fails_so_the_batch_is_redelivered() {
        answer.set("{}");
        status.set(503);
        ChainsWithFallback chains = new ChainsWithFallback(new Stored(), source());

        assertThatThrownBy(() -> chains.ofAll(List.of(5L))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void no_url_means_no_fallback() {
        ChainsWithFallback chains =
                new ChainsWithFallback(new Stored(), new RelationChainSource("", Duration.ofSeconds(1)));

        assertThat(chains.ofAll(List.of(6L))).isEmpty();
        assertThat(calls.get()).isZero();
    }
}
