package com.fenxiao.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Node scripts in {@code src/test/browser}: Playwright's {@code playwright-core} driving Debian's
 * Chromium. Nothing is skipped: a missing Chromium or Node fails the test with what to install.
 */
final class BrowserScripts {

    record Result(int exitCode, String output) {}

    private final Path dir;
    private final Path chromium;

    BrowserScripts(Path dir, Path chromium) {
        this.dir = dir;
        this.chromium = chromium;
    }

    /** Fails at once, before the platform's 90 s start, when the browser or Node is missing. */
    void requireTools() throws IOException, InterruptedException {
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Chromium is missing at " + chromium + ": the browser tests need Debian's"
                    + " chromium (apt-get update && apt-get install -y chromium; .ci/run installs it),"
                    + " or -De2e.chromium=<path to a Chromium>");
        }
        Result node = exec(List.of("node", "--version"), Map.of(), Duration.ofSeconds(30), false);
        if (node.exitCode() != 0) {
            throw new IllegalStateException("node is missing: the browser tests need Node.js 20 and npm");
        }
        say("chromium " + chromium + ", node " + node.output().strip());
    }

    /** {@code npm ci} unless node_modules already holds the locked playwright-core. */
    void install() throws IOException, InterruptedException {
        Path installed = dir.resolve("node_modules/playwright-core/package.json");
        String lock = Files.readString(dir.resolve("package-lock.json"), StandardCharsets.UTF_8);
        if (Files.exists(installed)) {
            String version = Files.readString(installed, StandardCharsets.UTF_8)
                    .replaceAll("(?s).*\"version\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            if (lock.contains("\"node_modules/playwright-core\": {\n      \"version\": \"" + version + "\"")) {
                say("playwright-core " + version + " already installed");
                return;
            }
        }
        Result npm = exec(
                List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"),
                Map.of(),
                Duration.ofMinutes(5),
                true);
        if (npm.exitCode() != 0) {
            throw new IllegalStateException(
                    "npm ci failed in " + dir + " (exit " + npm.exitCode() + "):\n" + npm.output());
        }
    }

    Result run(String script, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        return exec(List.of("node", script), env, timeout, true);
    }

    private Result exec(List<String> command, Map<String, String> env, Duration timeout, boolean echo)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            synchronized (out) {
                                out.append(line).append('\n');
                            }
                            if (echo) {
                                System.out.println("  [" + command.get(command.size() - 1) + "] " + line);
                            }
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "e2e-output");
        reader.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            reader.join(5000);
            synchronized (out) {
                return new Result(124, out + "\n(killed after " + timeout + ")");
            }
        }
        reader.join(5000);
        synchronized (out) {
            return new Result(p.exitValue(), out.toString());
        }
    }

    private static void say(String line) {
        System.out.println("[e2e] " + line);
    }
}
