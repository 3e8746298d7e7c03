package com.fenxiao.relation.wechat.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fenxiao.relation.wechat.WeChatProperties;
import com.fenxiao.relation.wechat.adapter.http.HttpMiniProgramCodes;
import com.fenxiao.relation.wechat.adapter.http.WeChatHttp;
import com.fenxiao.relation.wechat.domain.MiniProgramCodes;
import com.fenxiao.relation.wechat.domain.WeChatRefused;
import com.fenxiao.testing.TestInfrastructure;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Two instances of the service (two {@link WeChatHttp} clients) sharing the machine's real Redis, against a
 * local server that answers as WeChat does: one {@code access_token} for both, fetched once; a stale token
 * replaced once for everybody; mini-program code images asked for once per scene.
 */
class SharedWeChatStateIT {

    private HttpServer server;
    private RedissonClient redisson;
    private String prefix;
    private WeChatProperties props;
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final List<String> codeCalls = new CopyOnWriteArrayList<>();
    /** Tokens WeChat no longer accepts (errcode 40001). */
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/cgi-bin/token", exchange -> {
            int n = tokenCalls.incrementAndGet();
            sleep(100); // a slow WeChat: concurrent callers would all fetch without the shared lock
            reply(exchange, "application/json", "{\"access_token\":\"AT" + n + "\",\"expires_in\":7200}");
        });
        server.createContext("/wxa/getwxacodeunlimit", exchange -> {
            String token = exchange.getRequestURI().getQuery().replace("access_token=", "");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            codeCalls.add(token + " " + body);
            if (revoked.contains(token)) {
                reply(
                        exchange,
                        "application/json",
                        "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}");
            } else if (body.contains("\"scene\":\"c=LIMITED\"")) {
                reply(
                        exchange,
                        "application/json",
                        "{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}");
            } else {
                byte[] png = ("PNG:" + body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                exchange.getResponseBody().write(png);
                exchange.close();
            }
        });
        server.start();
        props = new WeChatProperties();
        props.setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort());
        props.setAppId("wxshared");
        props.setAppSecret("s3cret");
        TestInfrastructure.Redis r = TestInfrastructure.redis();
        Config config = new Config();
        config.useSingleServer()
                .setAddress("redis://" + r.host() + ":" + r.port())
                .setPassword(r.password().isEmpty() ? null : r.password());
        redisson = Redisson.create(config);
        prefix = "it_wechat_" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void stop() {
        redisson.getKeys().deleteByPattern(prefix + "*");
        redisson.shutdown();
        server.stop(0);
    }

    private WeChatHttp instance() {
        return new WeChatHttp(
                props,
                new RedisAccessTokens(
                        redisson, prefix + "access-token", WeChatHttp.TOKEN_MARGIN, Duration.ofSeconds(10)));
    }

    private MiniProgramCodes cached(WeChatHttp http) {
        return new RedisCachedMiniProgramCodes(
                new HttpMiniProgramCodes(http, props), redisson, prefix + "wxacode:release:", Duration.ofDays(30));
    }

    @Test
    void concurrent_callers_on_two_instances_share_one_token_fetched_once() throws Exception {
        WeChatHttp a = instance();
        WeChatHttp b = instance();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<byte[]>> images = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                MiniProgramCodes codes = new HttpMiniProgramCodes(i % 2 == 0 ? a : b, props);
                String scene = "c=M" + i;
                images.add(pool.submit(() -> {
                    go.await();
                    return codes.unlimited(scene, "pages/index/index", 430);
                }));
            }
            go.countDown();
            for (Future<byte[]> image : images) {
                assertThat(new String(image.get(), StandardCharsets.UTF_8)).startsWith("PNG:");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenCalls).hasValue(1);
        assertThat(codeCalls).hasSize(16).allMatch(c -> c.startsWith("AT1 "));
        assertThat(redisson.getBucket(prefix + "access-token").remainTimeToLive())
                .as("kept until 5 minutes before WeChat's 7200 s")
                .isBetween(
                        Duration.ofSeconds(7200 - 300 - 60).toMillis(),
                        Duration.ofSeconds(7200 - 300).toMillis());
    }

    @Test
    void a_token_wechat_calls_stale_is_replaced_once_and_the_call_retried() {
        WeChatHttp a = instance();
        WeChatHttp b = instance();
        MiniProgramCodes codesA = new HttpMiniProgramCodes(a, props);
        MiniProgramCodes codesB = new HttpMiniProgramCodes(b, props);
        assertThat(codesA.unlimited("c=ONE", "pages/index/index", 430)).isNotEmpty();
        revoked.add("AT1"); // refreshed by another deployment of the same app, or expired early

        assertThat(new String(codesB.unlimited("c=TWO", "pages/index/index", 430), StandardCharsets.UTF_8))
                .startsWith("PNG:");
        assertThat(codesA.unlimited("c=THREE", "pages/index/index", 430)).isNotEmpty();

        assertThat(tokenCalls).as("one refresh, used by both instances").hasValue(2);
        assertThat(codeCalls)
                .extracting(c -> c.substring(0, c.indexOf(' ')))
                .containsExactly("AT1", "AT1", "AT2", "AT2");
    }

    @Test
    void each_image_is_asked_of_wechat_once_per_scene_across_instances() {
        MiniProgramCodes onA = cached(instance());
        MiniProgramCodes onB = cached(instance());
        byte[] first = onA.unlimited("c=AB3CD7K", "pages/index/index", 430);
        byte[] again = onB.unlimited("c=AB3CD7K", "pages/index/index", 430);
        byte[] other = onB.unlimited("c=ZZ9YY8X", "pages/index/index", 430);

        assertThat(again).isEqualTo(first);
        assertThat(new String(other, StandardCharsets.UTF_8)).contains("c=ZZ9YY8X");
        assertThat(codeCalls).hasSize(2);
        RedisCachedMiniProgramCodes cache = (RedisCachedMiniProgramCodes) onA;
        assertThat(redisson.getBucket(cache.keyOf("c=AB3CD7K", "pages/index/index", 430))
                        .remainTimeToLive())
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofDays(30).toMillis());
    }

    @Test
    void wechats_refusals_are_not_cached() {
        MiniProgramCodes codes = cached(instance());
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> codes.unlimited("c=LIMITED", "pages/index/index", 430))
                    .isInstanceOfSatisfying(
                            WeChatRefused.class, e -> assertThat(e.errcode()).isEqualTo(45009));
        }
        assertThat(codeCalls).hasSize(2);
    }

    private static void reply(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
