package com.fenxiao.e2e.load;

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
 * The whole platform for the benchmark, started like the e2e harness ({@code LaunchedPlatform}) starts it:
 * the {@code LocalPlatform} launcher from copied jars, a fresh data folder, every port shifted by an offset
 * (default 3000 here, so it runs beside the e2e suites on +1000 and a developer's platform on +0).
 */
final class BenchPlatform implements AutoCloseable {

    static final List<String> SERVICES =
            List.of("relation-service", "commission-engine", "settlement-service", "withdrawal-service", "gateway");
    static final String LAUNCHER = "deploy/local/target/local-platform-exec.jar";

    final int offset;
    final Path data;
    private final Process launcher;

    private BenchPlatform(int offset, Path data, Process launcher) {
        this.offset = offset;
        this.data = data;
        this.launcher = launcher;
    }

    static BenchPlatform start(Path root, Path work, int offset, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        for (int port : List.of(8080 + offset, 8081 + offset, 13306 + offset, 16379 + offset, 19876 + offset)) {
            if (listening(port)) {
                throw new IllegalStateException("port " + port + " is in use: another platform runs with port offset "
                        + offset + "; stop it or pass -Dload.port-offset=<another>");
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
        BenchPlatform platform = new BenchPlatform(offset, data, launcher);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "load-platform-stop"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains("[local-platform] platform is up")) {
                return platform;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the platform launcher exited with " + launcher.exitValue() + "; see "
                        + log + " and " + data.resolve("logs"));
            }
            Thread.sleep(1000);
        }
        platform.close();
        throw new IllegalStateException("the platform was not up within " + timeout + "; see " + log);
    }

    String gateway() {
        return "http://127.0.0.1:" + (8080 + offset);
    }

    /** Stops the launcher (which stops services and infrastructure); forcibly after 90 s. */
    @Override
    public void close() {
        if (!launcher.isAlive()) {
            return;
        }
        List<ProcessHandle> children = new ArrayList<>(launcher.descendants().toList());
        launcher.destroy();
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
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

    private static void copy(Path root, String relative, Path copies) throws IOException {
        Path jar = root.resolve(relative);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -DskipTests install");
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

    private static void deleteTree(Path dir) throws IOException {
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
}
