package com.fenxiao.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fenxiao.common.security.StaffRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix of one service (issue 7): every endpoint Spring MVC maps is called as an
 * anonymous caller, two members and each staff role, and the answer's class is checked against a
 * declared table — 401, 403, or "allowed" (any other status below 500). The table must name every
 * mapped endpoint and nothing else, so a new endpoint without an entry fails the test. Rules the
 * table itself must keep: {@code /api/**} is for members only, {@code /admin/**} for staff only, a
 * member endpoint carries no id of another member in its path, and AUDITOR changes nothing (every
 * non-GET staff endpoint excludes AUDITOR unless declared a read-only POST with its reason).
 */
public final class AuthorizationMatrix {

    public enum Caller {
        ANONYMOUS,
        MEMBER_A,
        MEMBER_B,
        OPS,
        FINANCE,
        AUDITOR,
        ADMIN;

        StaffRole role() {
            return switchRole(this);
        }
    }

    private static StaffRole switchRole(Caller c) {
        if (c == Caller.OPS) {
            return StaffRole.OPS;
        }
        if (c == Caller.FINANCE) {
            return StaffRole.FINANCE;
        }
        if (c == Caller.AUDITOR) {
            return StaffRole.AUDITOR;
        }
        if (c == Caller.ADMIN) {
            return StaffRole.ADMIN;
        }
        return null;
    }

    /** What one caller should get. */
    public enum Answer {
        UNAUTHENTICATED,
        FORBIDDEN,
        ALLOWED,
        NOT_CALLED
    }

    /** The expectation of one endpoint. */
    public static final class Rule {
        private final String kind;
        private final Map<Caller, Answer> answers;
        private final String why;
        private String body = "{}";
        private String query = "";
        private boolean readOnlyPost;
        private String readOnlyReason;
        private String ownRecordReason;

        private Rule(String kind, Map<Caller, Answer> answers, String why) {
            this.kind = kind;
            this.answers = new EnumMap<>(answers);
            this.why = why;
        }

        /** The JSON body sent (default {@code {}}): a valid one, so refusals cannot hide behind validation. */
        public Rule body(String json) {
            this.body = json;
            return this;
        }

        /** A query string sent with every call, e.g. {@code level=1}. */
        public Rule query(String query) {
            this.query = query;
            return this;
        }

        /** A non-GET staff endpoint that changes nothing, which AUDITOR may therefore call; say why. */
        public Rule readOnlyPost(String reason) {
            this.readOnlyPost = true;
            this.readOnlyReason = reason;
            return this;
        }

        /**
         * A member path whose variable names one of the caller's own records (a withdrawal id, never a
         * member id): it must answer 404 unless the record is the caller's; say how that is proven.
         */
        public Rule ownRecord(String reason) {
            this.ownRecordReason = reason;
            return this;
        }

        Answer answer(Caller c) {
            return answers.get(c);
        }

        @Override
        public String toString() {
            return kind + (why == null ? "" : " (" + why + ")") + (readOnlyPost ? " read-only: " + readOnlyReason : "");
        }
    }

    /** No token needed (logins): everyone is let through to the handler. */
    public static Rule open(String why) {
        Map<Caller, Answer> m = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            m.put(c, Answer.ALLOWED);
        }
        return new Rule("open", m, why);
    }

    /** A member's own data ({@code /api/v1/me/**}): anonymous 401, both members allowed, staff 403. */
    public static Rule members() {
        Map<Caller, Answer> m = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            m.put(c, Answer.FORBIDDEN);
        }
        m.put(Caller.ANONYMOUS, Answer.UNAUTHENTICATED);
        m.put(Caller.MEMBER_A, Answer.ALLOWED);
        m.put(Caller.MEMBER_B, Answer.ALLOWED);
        return new Rule("members", m, null);
    }

    /** Staff with one of these roles; anonymous 401, members and other roles 403. */
    public static Rule staff(StaffRole... roles) {
        Set<StaffRole> allowed = roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles));
        Map<Caller, Answer> m = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            m.put(c, Answer.FORBIDDEN);
        }
        m.put(Caller.ANONYMOUS, Answer.UNAUTHENTICATED);
        for (Caller c : Caller.values()) {
            if (c.role() != null && allowed.contains(c.role())) {
                m.put(c, Answer.ALLOWED);
            }
        }
        return new Rule("staff " + allowed, m, null);
    }

    /** Not reachable through the gateway ({@code /internal/**}, service-to-service); not called here. */
    public static Rule internal(String why) {
        Map<Caller, Answer> m = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            m.put(c, Answer.NOT_CALLED);
        }
        return new Rule("internal", m, why);
    }

    /** Guarded by its own signature scheme ({@code /integration/**}): a bearer token never opens it. */
    public static Rule signed(String why) {
        Map<Caller, Answer> m = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            m.put(c, Answer.UNAUTHENTICATED);
        }
        return new Rule("signed", m, why);
    }

    private static final Set<String> INFRASTRUCTURE = Set.of("/error");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    private final Map<String, Rule> table = new TreeMap<>();
    private final Map<String, String> samples = new LinkedHashMap<>();
    private Function<Caller, String> tokens = AuthorizationMatrix::testKeyToken;

    private AuthorizationMatrix() {}

    public static AuthorizationMatrix expect() {
        return new AuthorizationMatrix();
    }

    /** {@code endpoint} is "METHOD /path/{var}" exactly as mapped. */
    public AuthorizationMatrix with(String endpoint, Rule rule) {
        if (table.put(endpoint, rule) != null) {
            throw new IllegalArgumentException("declared twice: " + endpoint);
        }
        return this;
    }

    /** The value put into path variables of this name (default {@code 1}). */
    public AuthorizationMatrix sample(String variable, String value) {
        samples.put(variable, value);
        return this;
    }

    /** How a caller's bearer token is made (default: test keys on the real clock). */
    public AuthorizationMatrix tokens(Function<Caller, String> tokens) {
        this.tokens = tokens;
        return this;
    }

    public static final long MEMBER_A_ID = 900_000_001L;
    public static final long MEMBER_B_ID = 900_000_002L;

    public static String testKeyToken(Caller c) {
        if (c == Caller.ANONYMOUS) {
            return null;
        }
        if (c == Caller.MEMBER_A) {
            return TestKeys.memberToken(MEMBER_A_ID);
        }
        if (c == Caller.MEMBER_B) {
            return TestKeys.memberToken(MEMBER_B_ID);
        }
        return TestKeys.staffToken(800_000 + c.ordinal(), c.role());
    }

    /** Every (method, path pattern) the service maps, as "METHOD /path". */
    public static Set<String> endpointsOf(RequestMappingHandlerMapping mapping) {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (INFRASTRUCTURE.contains(pattern)
                        || pattern.startsWith("/v3/api-docs")
                        || pattern.startsWith("/swagger-ui")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    out.add("ANY " + pattern);
                }
                for (RequestMethod m : methods) {
                    out.add(m.name() + " " + pattern);
                }
            }
        }
        return out;
    }

    /** Checks the table against the mapped endpoints and its own rules, then calls every endpoint as everyone. */
    public void verify(RequestMappingHandlerMapping mapping, int port) {
        List<String> problems = problemsWith(endpointsOf(mapping));
        if (!problems.isEmpty()) {
            fail("authorization matrix table:\n  " + String.join("\n  ", problems));
        }
        callEveryone(port);
    }

    /** What is wrong with the table for these mapped endpoints; empty when it is complete and keeps the rules. */
    public List<String> problemsWith(Set<String> mapped) {
        List<String> problems = new ArrayList<>();
        for (String e : mapped) {
            if (!table.containsKey(e)) {
                problems.add("no matrix entry for " + e + " — declare who may call it");
            }
        }
        for (String e : table.keySet()) {
            if (!mapped.contains(e)) {
                problems.add("matrix entry for an endpoint that is not mapped: " + e);
            }
        }
        table.forEach((endpoint, rule) -> checkTable(endpoint, rule, problems));
        return problems;
    }

    private void callEveryone(int port) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Rule> entry : table.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            Rule rule = entry.getValue();
            for (Caller caller : Caller.values()) {
                Answer expected = rule.answer(caller);
                if (expected == Answer.NOT_CALLED) {
                    continue;
                }
                int status = call(client, port, method, fill(path), rule, tokens.apply(caller));
                calls++;
                if (!matches(expected, status)) {
                    wrong.add(entry.getKey() + " as " + caller + ": expected " + expected + ", got " + status + " ["
                            + rule + "]");
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail("authorization matrix, " + wrong.size() + " of " + calls + " calls answered wrongly:\n  "
                    + String.join("\n  ", wrong));
        }
    }

    private static void checkTable(String endpoint, Rule rule, List<String> problems) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        boolean changes = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        if (path.startsWith("/api/v1/auth/") || path.startsWith("/admin/v1/auth/")) {
            return;
        }
        if (path.startsWith("/api/")) {
            if (!rule.kind.equals("members")) {
                problems.add(endpoint + " is a member path and must be members(): " + rule);
            }
            Matcher variable = VARIABLE.matcher(path);
            while (rule.ownRecordReason != null && variable.find()) {
                if (variable.group(1).toLowerCase(java.util.Locale.ROOT).matches(".*(user|member|promoter).*")) {
                    problems.add(endpoint + " names a member in its path: ownRecord(...) is for ids of the"
                            + " caller's own records, the member is named by the token");
                }
            }
            if (VARIABLE.matcher(path).find() && rule.ownRecordReason == null) {
                problems.add(endpoint + " is a member path with a path variable: members reach only their own data,"
                        + " named by their token (or declare ownRecord(reason) for an id of the caller's own record)");
            }
        }
        if (path.startsWith("/admin/") && !rule.kind.startsWith("staff")) {
            problems.add(endpoint + " is an admin path and must be staff(...): " + rule);
        }
        if (rule.kind.startsWith("staff")
                && rule.answer(Caller.AUDITOR) == Answer.ALLOWED
                && changes
                && !rule.readOnlyPost) {
            problems.add(endpoint + " lets AUDITOR (read-only) change something; drop AUDITOR or declare"
                    + " readOnlyPost(reason)");
        }
        if (path.startsWith("/internal/") != rule.kind.equals("internal")) {
            problems.add(endpoint + ": internal() exactly for /internal/** paths: " + rule);
        }
    }

    private static boolean matches(Answer expected, int status) {
        if (expected == Answer.UNAUTHENTICATED) {
            return status == 401;
        }
        if (expected == Answer.FORBIDDEN) {
            return status == 403;
        }
        return status != 401 && status != 403 && status < 500;
    }

    private String fill(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(samples.getOrDefault(m.group(1), "1")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int call(HttpClient client, int port, String method, String path, Rule rule, String token) {
        String uri = "http://127.0.0.1:" + port + path + (rule.query.isEmpty() ? "" : "?" + rule.query);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.header("X-Forwarded-For", "10.9.8.7");
        b.header("Idempotency-Key", "matrix-" + System.nanoTime());
        boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        String httpMethod = method.equals("ANY") ? "GET" : method;
        if (withBody) {
            b.header("Content-Type", "application/json");
            b.method(httpMethod, HttpRequest.BodyPublishers.ofString(rule.body));
        } else {
            b.method(httpMethod, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("calling " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
