package com.fenxiao.relation.wechat.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fenxiao.relation.wechat.WeChatProperties;
import com.fenxiao.relation.wechat.domain.WeChatRefused;
import com.fenxiao.testing.TestClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real HTTP clients against a local server standing where WeChat's base URL points. */
class HttpWeChatClientsTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private WeChatHttp http;
    private WeChatProperties props;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sns/jscode2session", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            String query = exchange.getRequestURI().getQuery();
            String body = query.contains("js_code=good")
                    ? "{\"openid\":\"o-123\",\"session_key\":\"k\"}"
                    : "{\"errcode\":40029,\"errmsg\":\"invalid code\"}";
            reply(exchange, "application/json", body.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/cgi-bin/token", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            reply(exchange, "application/json", "{\"access_token\":\"AT\",\"expires_in\":7200}".getBytes());
        });
        server.createContext("/wxa/getwxacodeunlimit", exchange -> {
            requests.add(exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes()));
            reply(exchange, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        });
        server.start();
        props = new WeChatProperties();
        props.setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort());
        props.setAppId("wxapp");
        props.setAppSecret("s3cret");
        http = new WeChatHttp(props, TestClock.at("2026-11-25T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String type, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void code2session_sends_the_credentials_and_returns_the_openid() {
        assertThat(new HttpWeChatSessions(http).openidFor("good")).isEqualTo("o-123");
        assertThat(requests.get(0))
                .contains("appid=wxapp")
                .contains("secret=s3cret")
                .contains("js_code=good")
                .contains("grant_type=authorization_code");
    }

    @Test
    void an_invalid_code_is_the_callers_error() {
        assertThatThrownBy(() -> new HttpWeChatSessions(http).openidFor("bad"))
                .isInstanceOfSatisfying(
                        WeChatRefused.class, e -> assertThat(e.callerError()).isTrue());
    }

    @Test
    void an_unreachable_wechat_is_not_the_callers_error() {
        props.setBaseUrl("http://127.0.0.1:1");
        assertThatThrownBy(() -> new HttpWeChatSessions(new WeChatHttp(props, TestClock.at("2026-11-25T00:00:00Z")))
                        .openidFor("good"))
                .isInstanceOfSatisfying(
                        WeChatRefused.class, e -> assertThat(e.callerError()).isFalse());
    }

    @Test
    void the_unlimited_code_uses_a_cached_access_token_and_puts_the_code_in_the_scene() {
        HttpMiniProgramCodes codes = new HttpMiniProgramCodes(http, props);
        assertThat(codes.unlimited("c=AB3CD7K", "pages/index/index", 430)).startsWith((byte) 0x89);
        assertThat(codes.unlimited("c=AB3CD7K", "pages/index/index", 430)).hasSize(4);
        assertThat(requests.stream().filter(r -> r.startsWith("/cgi-bin/token")))
                .hasSize(1);
        assertThat(requests.stream().filter(r -> r.startsWith("/wxa/getwxacodeunlimit?access_token=AT")))
                .hasSize(2)
                .allMatch(r -> r.contains("\"scene\":\"c=AB3CD7K\""));
    }
}
