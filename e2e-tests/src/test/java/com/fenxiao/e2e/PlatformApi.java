package com.fenxiao.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's public API as its clients call it, through the gateway only: the mini-program (member
 * tokens), the order system (the signed order-events intake) and staff (tokens from the staff login).
 */
final class PlatformApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORDER_CLIENT = "local-order-system";
    static final String ORDER_SECRET = "local-order-system-dev-secret";

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    PlatformApi(String base) {
        this.base = base;
    }

    Answer call(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json, text/csv, */*");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A 2xx answer's JSON, else an error naming the call and the problem body. */
    JsonNode ok(String method, String path, String token, Object body) {
        return ok(method, path, token, body, Map.of());
    }

    JsonNode ok(String method, String path, String token, Object body, Map<String, String> headers) {
        Answer a = call(method, path, token, body, headers);
        if (a.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + a.status() + ": " + a.body());
        }
        return a.json();
    }

    JsonNode get(String path, String token) {
        return ok("GET", path, token, null);
    }

    /** A CSV export: the rows after the header (UTF-8 BOM stripped), each as its cells (RFC 4180). */
    List<Map<String, String>> csv(String path, String token) {
        Answer a = call("GET", path, token, null, Map.of());
        if (a.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + a.status() + ": " + a.body());
        }
        String text = a.body().startsWith("\uFEFF") ? a.body().substring(1) : a.body();
        List<List<String>> rows = parseCsv(text);
        List<String> headers = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < headers.size() && i < row.size(); i++) {
                m.put(headers.get(i), row.get(i));
            }
            out.add(m);
        }
        return out;
    }

    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** A member logs in as the mini-program does (the local code2session stand-in). */
    JsonNode memberLogin(String code, String inviteCode, String nickname) {
        ObjectNode body = JSON.createObjectNode()
                .put("code", code)
                .put("deviceId", "e2e-device-" + code)
                .put("agreementVersion", "promo-2026-11")
                .put("nickname", nickname);
        if (inviteCode != null) {
            body.put("inviteCode", inviteCode);
        }
        return ok("POST", "/api/v1/auth/login", null, body);
    }

    String staffLogin(String username, String password) {
        return ok(
                        "POST",
                        "/admin/v1/auth/login",
                        null,
                        JSON.createObjectNode().put("username", username).put("password", password))
                .path("token")
                .asText();
    }

    /** The order system's signed HTTP intake: HMAC-SHA256 over timestamp + body (commission-engine README). */
    Answer orderEvent(String json) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return call(
                "POST",
                "/integration/v1/order-events",
                null,
                json,
                Map.of("X-Client-Id", ORDER_CLIENT, "X-Timestamp", timestamp, "X-Signature", sign(timestamp + json)));
    }

    static String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ORDER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "1307.64" from 130764 fen, as the exports write money. */
    static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + (abs / 100) + "." + String.format("%02d", abs % 100);
    }

    /** Polls until the supplier answers non-null; the last failure is reported with the time-out. */
    static <T> T eventually(String what, Duration timeout, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        Object lastValue = null;
        while (System.nanoTime() < deadline) {
            try {
                T v = probe.get();
                if (v != null) {
                    return v;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(
                "timed out after " + timeout + " waiting for " + what + (last == null ? "" : ": " + last), last);
    }

    /** For {@link #eventually} probes: not there yet, and why (reported if the time runs out). */
    static <T> T fail(String message) {
        throw new IllegalStateException(message);
    }

    /** A valid, adult resident ID number (GB 11643 check character). */
    static String idNumber(java.util.Random random) {
        String body = "110105" + (1970 + random.nextInt(30)) + String.format("%02d", 1 + random.nextInt(12))
                + String.format("%02d", 1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += w[i] * (body.charAt(i) - '0');
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
