package com.fenxiao.relation.wechat.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.relation.wechat.WeChatProperties;
import com.fenxiao.relation.wechat.domain.AccessTokens;
import com.fenxiao.relation.wechat.domain.WeChatRefused;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The HTTP side of WeChat's server API: a configurable base URL (so tests and staging can point it
 * elsewhere), JSON error answers ({@code errcode}/{@code errmsg}) turned into {@link WeChatRefused}, and
 * the application access token kept in {@link AccessTokens} (shared by every instance in production) until
 * shortly before it expires.
 */
public class WeChatHttp {

    /** A token is dropped this long before WeChat's {@code expires_in}. */
    public static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);

    private final WeChatProperties props;
    private final AccessTokens tokens;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    /** One instance's own token: for a single instance and tests. */
    public WeChatHttp(WeChatProperties props, Clock clock) {
        this(props, new InMemoryAccessTokens(clock, TOKEN_MARGIN));
    }

    public WeChatHttp(WeChatProperties props, AccessTokens tokens) {
        this.props = props;
        this.tokens = tokens;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(props.getTimeoutMillis()))
                .build();
    }

    WeChatProperties properties() {
        return props;
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    JsonNode getJson(String pathAndQuery) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(Duration.ofMillis(props.getTimeoutMillis()))
                .GET()
                .build());
        return parse(response.body());
    }

    HttpResponse<byte[]> postJson(String pathAndQuery, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(pathAndQuery))
                    .timeout(Duration.ofMillis(props.getTimeoutMillis()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new WeChatRefused("WeChat answered with something that is not JSON", false);
        }
        if (node == null || !node.isObject()) {
            throw new WeChatRefused("WeChat answered with something that is not a JSON object", false);
        }
        int errcode = node.path("errcode").asInt(0);
        if (errcode != 0) {
            // 40029 invalid code, 40163 code been used, 40226 high-risk user: the caller's fault
            boolean callerError = errcode == 40029 || errcode == 40163 || errcode == 40226 || errcode == 41008;
            throw new WeChatRefused(
                    "WeChat errcode " + errcode + ": " + node.path("errmsg").asText(""), callerError, errcode);
        }
        return node;
    }

    String accessToken() {
        return tokens.current(this::fetchAccessToken);
    }

    /** WeChat refused {@code stale}: the next {@link #accessToken()} fetches a new one (once, for everyone). */
    void invalidateAccessToken(String stale) {
        tokens.invalidate(stale);
    }

    private AccessTokens.Fetched fetchAccessToken() {
        JsonNode token = getJson("/cgi-bin/token?grant_type=client_credential&appid=" + q(props.getAppId()) + "&secret="
                + q(props.getAppSecret()));
        String value = token.path("access_token").asText(null);
        if (value == null || value.isBlank()) {
            throw new WeChatRefused("WeChat returned no access_token", false);
        }
        return new AccessTokens.Fetched(
                value, Duration.ofSeconds(token.path("expires_in").asLong(7200)));
    }

    private URI uri(String pathAndQuery) {
        String base = props.getBaseUrl().endsWith("/")
                ? props.getBaseUrl().substring(0, props.getBaseUrl().length() - 1)
                : props.getBaseUrl();
        return URI.create(base + pathAndQuery);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new WeChatRefused("WeChat answered HTTP " + response.statusCode(), false);
            }
            return response;
        } catch (IOException e) {
            throw new WeChatRefused("WeChat unreachable: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeChatRefused("interrupted while calling WeChat", false);
        }
    }
}
