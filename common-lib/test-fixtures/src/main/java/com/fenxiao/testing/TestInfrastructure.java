package com.fenxiao.testing;

import com.fenxiao.common.event.Topics;
import com.fenxiao.local.EmbeddedRocketMq;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Where integration tests find real servers, decided once per JVM: endpoints from the environment
 * ({@code MYSQL_*}, {@code REDIS_*}, {@code ROCKETMQ_NAMESRV}) when set; else containers when a Docker
 * engine answers; else the machine's MariaDB on 127.0.0.1:3306 and Redis on :6379, and a RocketMQ
 * name server and broker started from the Maven artifacts inside this test JVM.
 */
public final class TestInfrastructure {

    public record MySql(String host, int port, String user, String password) {}

    public record Redis(String host, int port, String password) {}

    private static MySql mysql;
    private static Redis redis;
    private static String namesrv;

    private TestInfrastructure() {}

    public static synchronized MySql mysql() {
        if (mysql == null) {
            Map<String, String> env = System.getenv();
            if (env.containsKey("MYSQL_HOST")) {
                mysql = new MySql(
                        env.get("MYSQL_HOST"),
                        Integer.parseInt(env.getOrDefault("MYSQL_PORT", "3306")),
                        env.getOrDefault("MYSQL_USER", "root"),
                        env.getOrDefault("MYSQL_PASSWORD", ""));
            } else if (dockerAvailable()) {
                GenericContainer<?> c = new GenericContainer<>("mysql:8.0")
                        .withEnv("MYSQL_ROOT_PASSWORD", "test")
                        .withCommand("--default-time-zone=+00:00", "--character-set-server=utf8mb4")
                        .withExposedPorts(3306);
                c.start();
                mysql = new MySql(c.getHost(), c.getMappedPort(3306), "root", "test");
            } else {
                mysql = new MySql("127.0.0.1", 3306, "root", "");
            }
        }
        return mysql;
    }

    public static synchronized Redis redis() {
        if (redis == null) {
            Map<String, String> env = System.getenv();
            if (env.containsKey("REDIS_HOST")) {
                redis = new Redis(
                        env.get("REDIS_HOST"),
                        Integer.parseInt(env.getOrDefault("REDIS_PORT", "6379")),
                        env.getOrDefault("REDIS_PASSWORD", ""));
            } else if (dockerAvailable()) {
                GenericContainer<?> c = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
                c.start();
                redis = new Redis(c.getHost(), c.getMappedPort(6379), "");
            } else {
                redis = new Redis("127.0.0.1", 6379, "");
            }
        }
        return redis;
    }

    /** The RocketMQ name server address; starts an embedded broker once per JVM when none is configured. */
    public static synchronized String rocketMqNamesrv() {
        if (namesrv == null) {
            String configured = System.getenv("ROCKETMQ_NAMESRV");
            if (configured != null && !configured.isBlank()) {
                namesrv = configured;
            } else {
                try {
                    Path store = Files.createTempDirectory("rocketmq-it-");
                    EmbeddedRocketMq mq = EmbeddedRocketMq.start(0, 0, store, Topics.ALL);
                    Runtime.getRuntime().addShutdownHook(new Thread(mq::close, "embedded-rocketmq-stop"));
                    namesrv = mq.namesrvAddress();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return namesrv;
    }

    /** A database base name no other test class uses: {@code it_<class>_<random>}. */
    public static String uniqueDatabaseName(Class<?> testClass) {
        String simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (simple.length() > 30) {
            simple = simple.substring(0, 30);
        }
        return "it_" + simple + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
    }

    private static boolean dockerAvailable() {
        boolean socket = Files.exists(Path.of("/var/run/docker.sock")) || System.getenv("DOCKER_HOST") != null;
        if (!socket) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
