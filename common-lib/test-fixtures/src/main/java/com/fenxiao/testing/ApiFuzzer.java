package com.fenxiao.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.common.security.Tokens;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Generated bad input for every endpoint a running service maps (issue 8, "bad input"). The endpoints
 * come from the service's {@link RequestMappingHandlerMapping}, as in {@link AuthorizationMatrix}, and
 * the handler's parameters say what a well-formed request looks like: path variables, query
 * parameters, headers and the request body's record components. Each generated request starts from
 * that well-formed shape and breaks one thing (or none), sent by one of the callers: anonymous, two
 * members, each staff role, an expired token, a token signed by a foreign key, garbage.
 *
 * <p>Checked for every answer: no 5xx and no dropped connection; every 4xx is
 * {@code application/problem+json} with a non-blank upper-snake {@code code} (and its {@code status}
 * member, when present, equals the HTTP status). Checked across answers: nothing is written by a refused
 * request — {@link TableChecksums} are taken before each mutating request that follows refused ones
 * and compared with the baseline taken after the last successful mutation.
 *
 * <p>Everything generated is a function of the seed and the request's number, so a failure report
 * names {@code -Dfuzz.seed=S -Dfuzz.only=N} to send exactly that request again. {@code -Dfuzz.requests}
 * overrides the count.
 */
public final class ApiFuzzer {

    /** Who sends a request. */
    public enum Caller {
        ANONYMOUS,
        MEMBER_A,
        MEMBER_B,
        OPS,
        FINANCE,
        AUDITOR,
        ADMIN,
        EXPIRED,
        FOREIGN_KEY,
        GARBAGE_TOKEN,
        NOT_BEARER;

        boolean staff() {
            return this == OPS || this == FINANCE || this == AUDITOR || this == ADMIN;
        }

        boolean member() {
            return this == MEMBER_A || this == MEMBER_B;
        }
    }

    /** Adds headers computed over the final body (a signature, say); may return an empty map. */
    @FunctionalInterface
    public interface Signer {
        Map<String, String> headers(Sent request, SplittableRandom random);
    }

    /** One request as sent: enough to print it and to send it again. */
    public record Sent(
            int number,
            String method,
            String pathAndQuery,
            Caller caller,
            String mutation,
            Map<String, String> headers,
            byte[] body) {

        boolean mutating() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        String describe(long seed) {
            StringBuilder s = new StringBuilder();
            s.append('#')
                    .append(number)
                    .append(' ')
                    .append(method)
                    .append(' ')
                    .append(abbreviate(pathAndQuery, 300))
                    .append("  caller=")
                    .append(caller)
                    .append("  mutation=")
                    .append(mutation);
            headers.forEach((k, v) -> {
                if (!k.equals("Authorization")) {
                    s.append("\n    ").append(k).append(": ").append(abbreviate(v, 120));
                }
            });
            if (body != null) {
                s.append("\n    body (")
                        .append(body.length)
                        .append(" bytes): ")
                        .append(abbreviate(new String(body, StandardCharsets.UTF_8), 400));
            }
            s.append("\n    replay: -Dfuzz.seed=")
                    .append(seed)
                    .append(" -Dfuzz.only=")
                    .append(number);
            return s.toString();
        }
    }

    /** What one run did. */
    public record Report(
            long seed,
            int requests,
            int endpoints,
            Map<String, Integer> byStatusClass,
            Map<Integer, Integer> byStatus,
            int mutatingRefused,
            int mutatingAccepted,
            int checkpoints,
            int tablesWatched,
            List<String> failures) {

        @Override
        public String toString() {
            return "fuzz seed " + seed + ": " + requests + " requests over " + endpoints + " endpoints, answers "
                    + byStatus + "; mutating refused " + mutatingRefused + ", accepted " + mutatingAccepted
                    + "; " + checkpoints + " table checksum comparisons over " + tablesWatched + " tables; "
                    + failures.size() + " failures";
        }
    }

    private static final Set<String> INFRASTRUCTURE = Set.of("/error");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings that have broken parsers, converters, SQL and path handling somewhere. */
    static final List<String> HOSTILE = List.of(
            "",
            " ",
            "0",
            "-1",
            "1.5",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "184467440737095516150000",
            "1e400",
            "NaN",
            "Infinity",
            "0x10",
            "abc",
            "null",
            "true",
            "[]",
            "{}",
            "名字张三",
            "🙂🙃",
            "\u200b\u202e",
            "a\u0000b",
            "..",
            "../../../etc/passwd",
            "..\\..\\windows",
            "%2e%2e%2f",
            "%00",
            "%",
            "' OR '1'='1",
            "1; DROP TABLE commission_0; --",
            "\" OR \"\"=\"",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "#{7*7}",
            "=cmd|' /C calc'!A0",
            "2026-02-30",
            "2026-13-01T25:61:61Z",
            "1970-01-01",
            "+999999999-12-31",
            "WECHAT\n",
            "  ABCDEFG  ");

    private static final List<String> HUGE_NUMBERS = List.of(
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
            "1e400",
            "-1e400",
            "123456789012345678901234567890",
            "9223372036854775807.5",
            "2147483648",
            "-2147483649");

    private final int port;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Map<String, String> samples = new LinkedHashMap<>();
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final Map<String, Signer> signers = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final Map<String, Pattern> refusalRecords = new LinkedHashMap<>();
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private Function<Caller, String> tokenSource = ApiFuzzer::testKeyToken;
    private TableChecksums checksums;
    private long seed = Long.getLong("fuzz.seed", System.nanoTime() & 0xFFFF_FFFFL);
    private int requests = 2_500;

    private ApiFuzzer(int port, RequestMappingHandlerMapping mapping) {
        this.port = port;
        mapping.getHandlerMethods().forEach((info, handler) -> add(info, handler));
        endpoints.sort((a, b) -> a.name().compareTo(b.name()));
    }

    public static ApiFuzzer of(int port, RequestMappingHandlerMapping mapping) {
        return new ApiFuzzer(port, mapping);
    }

    /** The seed when {@code -Dfuzz.seed} is not given. */
    public ApiFuzzer seed(long seed) {
        if (System.getProperty("fuzz.seed") == null) {
            this.seed = seed;
        }
        return this;
    }

    public ApiFuzzer requests(int requests) {
        this.requests = Integer.getInteger("fuzz.requests", requests);
        return this;
    }

    /** A valid-looking value for path variables, query parameters and body fields of this name. */
    public ApiFuzzer sample(String name, String value) {
        samples.put(name, value);
        return this;
    }

    /** The well-formed body of an endpoint ("METHOD /pattern"), when the handler's types do not say it. */
    public ApiFuzzer body(String endpoint, String json) {
        requireMapped(endpoint);
        bodies.put(endpoint, json);
        return this;
    }

    /** Headers computed over each request of an endpoint after it is generated (e.g. an HMAC signature). */
    public ApiFuzzer signer(String endpoint, Signer signer) {
        requireMapped(endpoint);
        signers.put(endpoint, signer);
        return this;
    }

    /**
     * An endpoint whose refusals are themselves recorded by design (a failed login counted toward
     * lock-out, a refused binding kept as history): a refused request to it may write the tables whose
     * unqualified names match {@code tables}, and nothing else. {@code why} names the rule.
     */
    public ApiFuzzer recordsRefusals(String endpoint, String tables, String why) {
        requireMapped(endpoint);
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("say why refusals of " + endpoint + " write");
        }
        refusalRecords.put(endpoint, Pattern.compile(tables));
        return this;
    }

    /** Leaves an endpoint out; say why. */
    public ApiFuzzer skip(String endpoint, String why) {
        requireMapped(endpoint);
        skipped.put(endpoint, why);
        return this;
    }

    /** How a caller's token is made (default: test keys; members {@link AuthorizationMatrix#MEMBER_A_ID} and B). */
    public ApiFuzzer tokens(Function<Caller, String> tokens) {
        this.tokenSource = tokens;
        return this;
    }

    /** The tables that must not change while requests are refused. */
    public ApiFuzzer watch(TableChecksums checksums) {
        this.checksums = checksums;
        return this;
    }

    /**
     * Stops the service's own background work (consumers, outbox relay, schedulers: every running
     * {@code SmartLifecycle} bean of a {@code com.fenxiao} class) so that only requests write while the
     * tables are watched. Consumers of a shared broker would otherwise apply events another test sent.
     */
    public static List<String> stopBackgroundWork(org.springframework.context.ApplicationContext context) {
        List<String> stopped = new ArrayList<>();
        context.getBeansOfType(org.springframework.context.SmartLifecycle.class).forEach((name, bean) -> {
            if (bean.getClass().getName().startsWith("com.fenxiao.") && bean.isRunning()) {
                bean.stop();
                stopped.add(name);
            }
        });
        System.out.println("[fuzz] stopped background work: " + stopped);
        return stopped;
    }

    public List<String> endpointNames() {
        return endpoints.stream().map(Endpoint::name).toList();
    }

    /** Sends the requests, checks every answer and the tables; returns the report (failures included). */
    public Report run() {
        List<Endpoint> targets =
                endpoints.stream().filter(e -> !skipped.containsKey(e.name())).toList();
        if (targets.isEmpty()) {
            throw new IllegalStateException("no endpoint to fuzz");
        }
        System.out.println(
                "[fuzz] seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), " + requests + " requests over "
                        + targets.size() + " endpoints" + (skipped.isEmpty() ? "" : ", skipped " + skipped));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> byClass = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int mutatingRefused = 0;
        int mutatingAccepted = 0;
        int checkpoints = 0;
        Map<String, Long> baseline = checksums == null ? Map.of() : checksums.take();
        List<Sent> run = new ArrayList<>();
        Integer only = Integer.getInteger("fuzz.only");
        int from = only == null ? 0 : only;
        int to = only == null ? requests : only + 1;
        for (int n = from; n < to; n++) {
            Endpoint endpoint = targets.get(Math.floorMod(n + (int) seed, targets.size()));
            Sent sent = generate(endpoint, n);
            if (checksums != null && sent.mutating() && !run.isEmpty()) {
                Map<String, Long> now = checksums.take();
                checkpoints++;
                checkUnchanged(baseline, now, run, failures);
                baseline = now;
                run.clear();
            }
            int status;
            try {
                HttpResponse<byte[]> response = client.send(request(sent), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                checkAnswer(sent, response, failures);
            } catch (IOException e) {
                failures.add("no answer (" + e + ") to\n  " + sent.describe(seed));
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            byStatus.merge(status, 1, Integer::sum);
            byClass.merge(status < 0 ? "none" : (status / 100) + "xx", 1, Integer::sum);
            boolean accepted = status >= 200 && status < 300;
            if (sent.mutating()) {
                if (accepted) {
                    mutatingAccepted++;
                } else {
                    mutatingRefused++;
                }
            }
            Pattern recorded = refusalRecords.get(endpoint.name());
            if (checksums != null && sent.mutating() && accepted) {
                // a successful change may write: the next run of refusals is compared with what it left
                baseline = checksums.take();
                run.clear();
            } else if (checksums != null && recorded != null && run.isEmpty()) {
                // a refusal recorded by design may write its own record, and nothing else
                Map<String, Long> now = checksums.take();
                checkpoints++;
                List<String> others = TableChecksums.changed(baseline, now).stream()
                        .filter(t -> !recorded.matcher(t.substring(t.indexOf('.') + 1))
                                .matches())
                        .toList();
                if (!others.isEmpty()) {
                    failures.add(
                            "a refused request wrote beyond its own record: " + others + "\n  " + sent.describe(seed));
                }
                baseline = now;
            } else {
                run.add(sent);
            }
            if (checksums != null && run.size() >= 200) {
                Map<String, Long> now = checksums.take();
                checkpoints++;
                checkUnchanged(baseline, now, run, failures);
                baseline = now;
                run.clear();
            }
        }
        if (checksums != null && !run.isEmpty()) {
            checkpoints++;
            checkUnchanged(baseline, checksums.take(), run, failures);
        }
        Report report = new Report(
                seed,
                to - from,
                targets.size(),
                byClass,
                byStatus,
                mutatingRefused,
                mutatingAccepted,
                checkpoints,
                checksums == null ? 0 : checksums.tableCount(),
                failures);
        System.out.println("[fuzz] " + report);
        return report;
    }

    /** Runs, then fails with the first failures (each with its replay line) when there are any. */
    public Report verify() {
        Report report = run();
        if (!report.failures().isEmpty()) {
            List<String> first =
                    report.failures().subList(0, Math.min(25, report.failures().size()));
            throw new AssertionError("fuzzing (seed " + report.seed() + ") found "
                    + report.failures().size()
                    + " failures in " + report.requests() + " requests; the first " + first.size() + ":\n"
                    + String.join("\n", first));
        }
        return report;
    }

    // ---------------------------------------------------------------- answers

    private void checkAnswer(Sent sent, HttpResponse<byte[]> response, List<String> failures) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            failures.add(status + " " + abbreviate(body, 300) + "\n  " + sent.describe(seed));
            return;
        }
        if (status < 400) {
            return;
        }
        if (!contentType.toLowerCase().startsWith("application/problem+json")) {
            failures.add(status + " with Content-Type '" + contentType + "', not application/problem+json: "
                    + abbreviate(body, 200) + "\n  " + sent.describe(seed));
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            failures.add(status + " problem body is not JSON: " + abbreviate(body, 200) + "\n  " + sent.describe(seed));
            return;
        }
        String code = problem == null || !problem.hasNonNull("code")
                ? ""
                : problem.get("code").asText();
        if (code.isBlank() || !UPPER_SNAKE.matcher(code).matches()) {
            failures.add(status + " problem without a stable code ('" + code + "'): " + abbreviate(body, 200) + "\n  "
                    + sent.describe(seed));
            return;
        }
        if (problem.hasNonNull("status") && problem.get("status").asInt() != status) {
            failures.add(status + " problem says status " + problem.get("status") + ": " + abbreviate(body, 200)
                    + "\n  " + sent.describe(seed));
        }
    }

    private void checkUnchanged(
            Map<String, Long> before, Map<String, Long> after, List<Sent> run, List<String> failures) {
        List<String> changed = TableChecksums.changed(before, after);
        if (changed.isEmpty()) {
            return;
        }
        StringBuilder s = new StringBuilder("tables written during a run of " + run.size()
                + " requests none of which changed anything successfully: " + changed + "; the run:");
        for (Sent r : run) {
            s.append("\n  ").append(r.describe(seed).replace("\n", "\n  "));
        }
        failures.add(s.toString());
    }

    // ---------------------------------------------------------------- generation

    private Sent generate(Endpoint e, int number) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
        Caller caller = pickCaller(e, r);
        Map<String, String> path = new LinkedHashMap<>();
        for (Param p : e.pathVariables()) {
            path.put(p.name(), validValue(p.name(), p.type(), r));
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Param p : e.queryParams()) {
            if (p.required() || r.nextInt(3) > 0) {
                query.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(validValue(p.name(), p.type(), r));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String method = e.method().equals("ANY") ? "GET" : e.method();
        boolean withBody = e.body() != null || method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        JsonNode template = withBody ? template(e, r) : null;
        String body = template == null ? null : template.toString();
        if (withBody) {
            headers.put("Content-Type", "application/json");
        }
        headers.put("Accept", "application/json, application/problem+json");
        headers.put("Idempotency-Key", "fuzz-" + seed + "-" + number);
        headers.put("X-Forwarded-For", "10.20.30." + (1 + r.nextInt(200)));
        for (Param h : e.headerParams()) {
            if (!headers.containsKey(h.name())) {
                headers.put(h.name(), validValue(h.name(), String.class, r));
            }
        }
        List<String> kinds = new ArrayList<>();
        kinds.add("NONE");
        if (!path.isEmpty()) {
            kinds.add("PATH");
            kinds.add("PATH");
        }
        kinds.add("QUERY");
        if (withBody) {
            kinds.add("BODY_SYNTAX");
            kinds.add("BODY_FIELD");
            kinds.add("BODY_FIELD");
            kinds.add("BODY_FIELD");
            kinds.add("CONTENT_TYPE");
        }
        kinds.add("HEADER");
        kinds.add("METHOD");
        String kind = kinds.get(r.nextInt(kinds.size()));
        if (kind.equals("METHOD") && r.nextInt(3) > 0) {
            kind = "NONE"; // wrong methods are cheap to find; keep them rare
        }
        String mutation = kind;
        switch (kind) {
            case "PATH" -> {
                String name = pick(new ArrayList<>(path.keySet()), r);
                String value = r.nextInt(4) == 0 ? pick(HUGE_NUMBERS, r) : pick(HOSTILE, r);
                if (r.nextInt(10) == 0) {
                    value = "9".repeat(2_000);
                }
                path.put(name, value);
                mutation = "PATH " + name + "=" + abbreviate(value, 40);
            }
            case "QUERY" -> mutation = mutateQuery(e, query, r);
            case "BODY_SYNTAX" -> {
                String[] broken = {
                    "",
                    "not json at all",
                    "<xml><a>1</a></xml>",
                    "{",
                    "{\"a\":",
                    "[]",
                    "[{}]",
                    "\"text\"",
                    "42",
                    "null",
                    "{}",
                    "{\"\":null}",
                    "{'single':'quotes'}",
                    "{\"a\":1,}",
                    "\uFEFF{}",
                    "{\"a\":\"\\ud800\"}",
                    deeplyNested(r.nextBoolean() ? 5_000 : 600),
                    body == null ? "{}" : body + body,
                    body == null ? "{}" : body.substring(0, Math.max(0, body.length() - 1)),
                };
                int i = r.nextInt(broken.length);
                body = broken[i];
                mutation = "BODY_SYNTAX #" + i;
            }
            case "BODY_FIELD" -> {
                String[] out = mutateBody(template, r);
                body = out[0];
                mutation = out[1];
            }
            case "CONTENT_TYPE" -> {
                String[] types = {
                    null,
                    "text/plain",
                    "application/xml",
                    "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=fuzz",
                    "application/json; charset=ISO-8859-1",
                    "application/json; charset=nonsense",
                    "image/png",
                    "garbage",
                    "*/*",
                };
                String type = pick(java.util.Arrays.asList(types), r);
                if (type == null) {
                    headers.remove("Content-Type");
                } else {
                    headers.put("Content-Type", type);
                }
                mutation = "CONTENT_TYPE " + type;
            }
            case "HEADER" -> {
                int which = r.nextInt(5);
                if (which == 0) {
                    String[] keys = {null, "", " ", "x".repeat(4_000), "名字🙂", "fuzz-shared-key", "' OR 1=1 --"};
                    String key = pick(java.util.Arrays.asList(keys), r);
                    if (key == null) {
                        headers.remove("Idempotency-Key");
                    } else {
                        headers.put("Idempotency-Key", key);
                    }
                    mutation = "IDEMPOTENCY_KEY " + (key == null ? "missing" : abbreviate(key, 30));
                } else if (which == 1) {
                    String[] accepts = {"application/xml", "text/html", "image/png", "text/csv", "garbage/", "*/*"};
                    String accept = pick(List.of(accepts), r);
                    headers.put("Accept", accept);
                    mutation = "ACCEPT " + accept;
                } else if (which == 2) {
                    String xff =
                            pick(List.of("not-an-ip", "999.999.1.1", "", "::1, 10.0.0.1, 名字", "x".repeat(3_000)), r);
                    headers.put("X-Forwarded-For", xff);
                    mutation = "X_FORWARDED_FOR " + abbreviate(xff, 30);
                } else if (which == 3 && !e.headerParams().isEmpty()) {
                    Param h = pick(e.headerParams(), r);
                    String v = pick(HOSTILE, r);
                    if (v.isEmpty()) {
                        headers.remove(h.name());
                    } else {
                        headers.put(h.name(), v.replaceAll("[\\x00-\\x1f]", "?"));
                    }
                    mutation = "HEADER " + h.name() + "=" + abbreviate(v, 30);
                } else {
                    headers.put("X-Request-Id", pick(List.of("", "名字", "x".repeat(3_000), "\" or 1=1"), r));
                    mutation = "X_REQUEST_ID";
                }
            }
            case "METHOD" -> {
                List<String> others = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
                others.remove(method);
                method = pick(others, r);
                if (method.equals("GET") || method.equals("DELETE")) {
                    body = null;
                } else if (body == null) {
                    body = "{}";
                    headers.put("Content-Type", "application/json");
                }
                mutation = "METHOD " + method;
            }
            default -> {}
        }
        String pathAndQuery = fill(e.pattern(), path) + queryString(query);
        headers.values().removeIf(v -> v == null);
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        String token = token(caller);
        if (token != null) {
            headers.put("Authorization", caller == Caller.NOT_BEARER ? "Basic " + token : "Bearer " + token);
        }
        Sent sent = new Sent(number, method, pathAndQuery, caller, mutation, headers, bytes);
        Signer signer = signers.get(e.name());
        if (signer != null) {
            Map<String, String> extra = new LinkedHashMap<>(headers);
            extra.putAll(signer.headers(sent, r));
            sent = new Sent(number, method, pathAndQuery, caller, mutation, extra, bytes);
        }
        return sent;
    }

    private Caller pickCaller(Endpoint e, SplittableRandom r) {
        Caller[] all = Caller.values();
        if (r.nextInt(10) < 3) {
            return all[r.nextInt(all.length)];
        }
        if (e.pattern().startsWith("/api/v1/me")) {
            return r.nextBoolean() ? Caller.MEMBER_A : Caller.MEMBER_B;
        }
        if (e.pattern().startsWith("/admin/") && !e.pattern().startsWith("/admin/v1/auth/")) {
            Caller[] staff = {Caller.OPS, Caller.FINANCE, Caller.AUDITOR, Caller.ADMIN, Caller.ADMIN};
            return staff[r.nextInt(staff.length)];
        }
        return all[r.nextInt(all.length)];
    }

    private String mutateQuery(Endpoint e, Map<String, List<String>> query, SplittableRandom r) {
        int which = r.nextInt(6);
        if (e.queryParams().isEmpty() || which == 0) {
            String name = pick(List.of("size", "cursor", "from", "to", "status", "level", "x", "名字", "a[b]"), r);
            String value = pick(HOSTILE, r);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return "QUERY extra " + name + "=" + abbreviate(value, 30);
        }
        Param p = pick(e.queryParams(), r);
        switch (which) {
            case 1 -> {
                query.remove(p.name());
                return "QUERY missing " + p.name();
            }
            case 2 -> {
                String v = pick(
                        List.of("-1", "0", "101", "1000000", "2147483648", "-2147483649", "1e3", "9".repeat(30)), r);
                query.put(p.name(), new ArrayList<>(List.of(v)));
                return "QUERY range " + p.name() + "=" + v;
            }
            case 3 -> {
                String v = (r.nextBoolean() ? "名" : "A").repeat(r.nextBoolean() ? 1_000 : 3_000);
                query.put(p.name(), new ArrayList<>(List.of(v)));
                return "QUERY long " + p.name();
            }
            case 4 -> {
                query.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(pick(HOSTILE, r));
                return "QUERY twice " + p.name();
            }
            default -> {
                String v = pick(HOSTILE, r);
                query.put(p.name(), new ArrayList<>(List.of(v)));
                return "QUERY " + p.name() + "=" + abbreviate(v, 30);
            }
        }
    }

    /** Breaks one field of the well-formed body; returns the body text and a description. */
    private String[] mutateBody(JsonNode template, SplittableRandom r) {
        if (!(template instanceof ObjectNode object) || object.isEmpty()) {
            ObjectNode o = NODES.objectNode();
            o.put("unexpected", pick(HOSTILE, r));
            return new String[] {o.toString(), "BODY_FIELD unexpected field"};
        }
        ObjectNode copy = object.deepCopy();
        List<String> names = new ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        String field = pick(names, r);
        JsonNode original = copy.get(field);
        String raw = null;
        String what;
        switch (r.nextInt(11)) {
            case 0 -> {
                copy.putNull(field);
                what = "null";
            }
            case 1 -> {
                copy.remove(field);
                what = "missing";
            }
            case 2 -> {
                raw = pick(HUGE_NUMBERS, r);
                what = "huge " + raw;
            }
            case 3 -> {
                raw = pick(List.of("-1", "-100", "-9223372036854775808", "0", "-0", "1.5", "-0.01"), r);
                what = "negative/fraction " + raw;
            }
            case 4 -> {
                String s = (r.nextBoolean() ? "长" : "L").repeat(r.nextBoolean() ? 10_000 : 300);
                copy.put(field, s);
                what = "long string " + s.length();
            }
            case 5 -> {
                String s = pick(HOSTILE, r);
                copy.put(field, s);
                what = "string " + abbreviate(s, 30);
            }
            case 6 -> {
                JsonNode wrong = original != null && original.isTextual()
                        ? pick(
                                List.of(
                                        NODES.numberNode(1),
                                        NODES.booleanNode(true),
                                        NODES.objectNode(),
                                        NODES.arrayNode()),
                                r)
                        : pick(
                                List.of(
                                        NODES.textNode("abc"),
                                        NODES.booleanNode(false),
                                        NODES.objectNode(),
                                        NODES.arrayNode()),
                                r);
                copy.set(field, wrong);
                what = "wrong type " + wrong.getNodeType();
            }
            case 7 -> {
                String dup = copy.toString();
                String value = original == null ? "null" : original.toString();
                String other = pick(List.of("null", "\"other\"", "-1", "9223372036854775808"), r);
                String text = dup.substring(0, dup.length() - 1) + (copy.isEmpty() ? "" : ",") + "\"" + field + "\":"
                        + other + "}";
                return new String[] {text, "BODY_FIELD " + field + " duplicate key (" + value + " then " + other + ")"};
            }
            case 8 -> {
                copy.set(field, deepArray(200));
                what = "nested arrays";
            }
            case 9 -> {
                copy.put("unknownField", "x");
                copy.put("__proto__", "x");
                what = "unknown fields";
            }
            default -> {
                if (original != null && original.isArray()) {
                    ArrayNode many = NODES.arrayNode();
                    for (int i = 0; i < 2_000; i++) {
                        many.add(original.isEmpty() ? NODES.numberNode(i) : original.get(0));
                    }
                    copy.set(field, r.nextBoolean() ? many : NODES.arrayNode());
                    what = "array size";
                } else {
                    copy.put(field, "\u0000\u0001\u001f");
                    what = "control characters";
                }
            }
        }
        String text = copy.toString();
        if (raw != null) {
            String marker = "__fuzz_raw_" + UUID.nameUUIDFromBytes(field.getBytes(StandardCharsets.UTF_8)) + "__";
            copy.put(field, marker);
            text = copy.toString().replace("\"" + marker + "\"", raw);
        }
        return new String[] {text, "BODY_FIELD " + field + " " + what};
    }

    private JsonNode template(Endpoint e, SplittableRandom r) {
        String given = bodies.get(e.name());
        try {
            if (given != null) {
                return JSON.readTree(given);
            }
        } catch (IOException ex) {
            throw new IllegalArgumentException("body of " + e.name() + " is not JSON", ex);
        }
        if (e.body() == null) {
            return NODES.objectNode();
        }
        return shape(e.body(), "body", r, 0);
    }

    /** A well-formed JSON value for a Java type: records and classes field by field. */
    private JsonNode shape(Type type, String name, SplittableRandom r, int depth) {
        Class<?> raw = rawClass(type);
        if (raw == String.class || raw == byte[].class || raw == Object.class) {
            return NODES.textNode(validValue(name, String.class, r));
        }
        if (raw == long.class
                || raw == Long.class
                || raw == int.class
                || raw == Integer.class
                || raw == short.class
                || raw == Short.class) {
            return NODES.numberNode(Long.parseLong(validValue(name, Long.class, r)));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return NODES.booleanNode(false);
        }
        if (raw == double.class || raw == Double.class || raw == java.math.BigDecimal.class) {
            return NODES.numberNode(1);
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return NODES.textNode(((Enum<?>) constants[r.nextInt(constants.length)]).name());
        }
        if (raw == Instant.class || raw == OffsetDateTime.class) {
            return NODES.textNode("2026-11-25T10:00:00+08:00");
        }
        if (raw == LocalDate.class) {
            return NODES.textNode("2026-11-25");
        }
        if (raw == YearMonth.class) {
            return NODES.textNode("2026-11");
        }
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            ArrayNode a = NODES.arrayNode();
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            a.add(shape(element, singular(name), r, depth + 1));
            return a;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return NODES.objectNode();
        }
        ObjectNode o = NODES.objectNode();
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                o.set(c.getName(), shape(c.getGenericType(), c.getName(), r, depth + 1));
            }
        } else {
            for (Field f : raw.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    o.set(f.getName(), shape(f.getGenericType(), f.getName(), r, depth + 1));
                }
            }
        }
        return o;
    }

    private String validValue(String name, Class<?> type, SplittableRandom r) {
        if (samples.containsKey(name)) {
            return samples.get(name);
        }
        String lower = name.toLowerCase();
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return ((Enum<?>) constants[r.nextInt(constants.length)]).name();
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        boolean numeric = type == long.class
                || type == Long.class
                || type == int.class
                || type == Integer.class
                || type == short.class
                || type == Short.class;
        if (numeric) {
            if (lower.endsWith("fen")) {
                return Long.toString(100 + r.nextInt(10_000));
            }
            if (lower.endsWith("bp")) {
                return Integer.toString(r.nextInt(1_000));
            }
            if (lower.equals("size") || lower.equals("limit")) {
                return Integer.toString(1 + r.nextInt(100));
            }
            if (lower.equals("level")) {
                return Integer.toString(1 + r.nextInt(2));
            }
            return Long.toString(1 + r.nextInt(1_000));
        }
        if (type == LocalDate.class
                || lower.equals("from")
                || lower.equals("to")
                || lower.endsWith("date")
                || lower.equals("day")) {
            return "2026-11-" + (10 + r.nextInt(18));
        }
        if (type == YearMonth.class || lower.equals("month")) {
            return "2026-11";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "2026-11-25T10:00:00+08:00";
        }
        if (lower.equals("format")) {
            return r.nextBoolean() ? "csv" : "xlsx";
        }
        if (lower.equals("level")) {
            return Integer.toString(1 + r.nextInt(2));
        }
        if (lower.equals("size")) {
            return Integer.toString(1 + r.nextInt(100));
        }
        if (lower.equals("channel")) {
            return r.nextBoolean() ? "WECHAT" : "BANK";
        }
        if (lower.endsWith("id") || lower.endsWith("ids")) {
            return Long.toString(1 + r.nextInt(1_000));
        }
        if (lower.contains("code")) {
            return "FZ" + Integer.toString(r.nextInt(1 << 20), 36).toUpperCase();
        }
        if (lower.contains("password")) {
            return "fuzz-password-" + r.nextInt(1_000);
        }
        if (lower.contains("name")) {
            return "fuzz" + r.nextInt(1_000);
        }
        return "fuzz-" + lower;
    }

    // ---------------------------------------------------------------- endpoints and requests

    private record Param(String name, Class<?> type, boolean required) {}

    private record Endpoint(
            String method,
            String pattern,
            List<Param> pathVariables,
            List<Param> queryParams,
            List<Param> headerParams,
            Type body) {
        String name() {
            return method + " " + pattern;
        }
    }

    private void add(RequestMappingInfo info, HandlerMethod handler) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
            if (INFRASTRUCTURE.contains(pattern)
                    || pattern.startsWith("/v3/api-docs")
                    || pattern.startsWith("/swagger-ui")) {
                continue;
            }
            List<Param> path = new ArrayList<>();
            List<Param> query = new ArrayList<>();
            List<Param> headers = new ArrayList<>();
            Type body = null;
            for (MethodParameter p : handler.getMethodParameters()) {
                Class<?> type = p.getParameterType();
                PathVariable pv = p.getParameterAnnotation(PathVariable.class);
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                RequestHeader rh = p.getParameterAnnotation(RequestHeader.class);
                RequestBody rb = p.getParameterAnnotation(RequestBody.class);
                if (pv != null) {
                    path.add(new Param(nameOf(pv.name(), pv.value(), p), type, true));
                } else if (rp != null) {
                    String n = nameOf(rp.name(), rp.value(), p);
                    if (!n.isEmpty() && !Map.class.isAssignableFrom(type)) {
                        boolean required = rp.required()
                                && rp.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                                && type != java.util.Optional.class;
                        query.add(new Param(n, type, required));
                    }
                } else if (rh != null) {
                    String n = nameOf(rh.name(), rh.value(), p);
                    if (!n.isEmpty()) {
                        headers.add(new Param(n, type, rh.required()));
                    }
                } else if (rb != null) {
                    body = p.getGenericParameterType();
                }
            }
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                String var = m.group(1);
                if (path.stream().noneMatch(p -> p.name().equals(var))) {
                    path.add(new Param(var, String.class, true));
                }
            }
            if (methods.isEmpty()) {
                endpoints.add(new Endpoint("ANY", pattern, path, query, headers, body));
            }
            for (RequestMethod method : methods) {
                endpoints.add(new Endpoint(method.name(), pattern, path, query, headers, body));
            }
        }
    }

    private static String nameOf(String name, String value, MethodParameter p) {
        if (!name.isEmpty()) {
            return name;
        }
        if (!value.isEmpty()) {
            return value;
        }
        String parameterName = p.getParameterName();
        return parameterName == null ? "" : parameterName;
    }

    private void requireMapped(String endpoint) {
        if (endpoints.stream().noneMatch(e -> e.name().equals(endpoint))) {
            throw new IllegalArgumentException("not a mapped endpoint: " + endpoint + "; mapped: " + endpointNames());
        }
    }

    private HttpRequest request(Sent sent) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + sent.pathAndQuery()))
                .timeout(Duration.ofSeconds(30));
        // non-ASCII header values go on the wire as their UTF-8 bytes (HttpClient takes one byte per char)
        sent.headers()
                .forEach((k, v) ->
                        b.header(k, new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
        if (sent.body() == null) {
            b.method(sent.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.method(sent.method(), HttpRequest.BodyPublishers.ofByteArray(sent.body()));
        }
        return b.build();
    }

    private static String fill(String pattern, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "1");
            m.appendReplacement(out, Matcher.quoteReplacement(encodePathSegment(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Percent-encodes everything but unreserved characters; "." and ".." stay as they are (traversal). */
    private static String encodePathSegment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value;
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryString(Map<String, List<String>> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        query.forEach((k, vs) -> vs.forEach(v -> s.append(s.length() == 0 ? '?' : '&')
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return s.toString();
    }

    private String token(Caller caller) {
        return tokens.computeIfAbsent(caller, c -> {
                            String t = tokenSource.apply(c);
                            return t == null ? "" : t;
                        })
                        .isEmpty()
                ? null
                : tokens.get(caller);
    }

    /** The default tokens: test keys for members and staff, and the broken kinds. */
    public static String testKeyToken(Caller c) {
        return switch (c) {
            case ANONYMOUS -> null;
            case MEMBER_A -> TestKeys.memberToken(AuthorizationMatrix.MEMBER_A_ID);
            case MEMBER_B -> TestKeys.memberToken(AuthorizationMatrix.MEMBER_B_ID);
            case OPS -> TestKeys.staffToken(810_001, StaffRole.OPS);
            case FINANCE -> TestKeys.staffToken(810_002, StaffRole.FINANCE);
            case AUDITOR -> TestKeys.staffToken(810_003, StaffRole.AUDITOR);
            case ADMIN -> TestKeys.staffToken(810_004, StaffRole.ADMIN);
            case EXPIRED ->
                new Tokens.Issuer(
                                TestKeys.signingJwk(),
                                "fenxiao",
                                Clock.fixed(Instant.now().minus(Duration.ofHours(3)), java.time.ZoneOffset.UTC))
                        .issue(CallerIdentity.staff(810_004, Set.of(StaffRole.ADMIN), null), Duration.ofHours(1))
                        .token();
            case FOREIGN_KEY ->
                new Tokens.Issuer(Tokens.newSigningKey("foreign").toJSONString(), "fenxiao", Clock.systemUTC())
                        .issue(CallerIdentity.staff(810_004, Set.of(StaffRole.ADMIN), null), Duration.ofHours(1))
                        .token();
            case GARBAGE_TOKEN ->
                Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                        + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString("{\"sub\":\"1\",\"kind\":\"STAFF\",\"roles\":[\"ADMIN\"]}"
                                        .getBytes(StandardCharsets.UTF_8))
                        + ".";
            case NOT_BEARER -> Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        };
    }

    // ---------------------------------------------------------------- small helpers

    private static String deeplyNested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static ArrayNode deepArray(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            ArrayNode next = NODES.arrayNode();
            current.add(next);
            current = next;
        }
        return root;
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    static String abbreviate(String s, int max) {
        String flat = s.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + flat.length() + " chars)";
    }
}
