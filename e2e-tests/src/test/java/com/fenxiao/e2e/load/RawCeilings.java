package com.fenxiao.e2e.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The machine's raw ceilings, measured with the same closed loop and the same clients count as the mix
 * (STACK.md's method: the raw operation in the same run, so the ratio survives a noisy machine):
 * an HTTP round trip to a trivial endpoint, a MariaDB primary-key SELECT, a Redis GET.
 */
final class RawCeilings {

    static final int ROWS = 10_000;
    static final int KEYS = 1_000;
    static final String REDIS_PREFIX = "fx:loadbench:";

    private RawCeilings() {}

    /** GET of a trivial endpoint (a liveness probe) with the HTTP client the mix uses. */
    static ClosedLoop.Client http(HttpClient client, String url, String kind) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return new ClosedLoop.Client() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public int call() throws Exception {
                return client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            }
        };
    }

    // ---- MariaDB ----

    static String jdbcUrl(String hostPort) {
        return "jdbc:mysql://" + hostPort
                + "/?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000&rewriteBatchedStatements=true";
    }

    /** A table of its own ({@code fx_loadbench.kv}, {@value #ROWS} rows) on the platform's server. */
    static void prepareDatabase(String hostPort, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(hostPort), user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS fx_loadbench");
            s.execute("CREATE TABLE IF NOT EXISTS fx_loadbench.kv (id BIGINT PRIMARY KEY, v VARCHAR(64) NOT NULL)");
            c.setAutoCommit(false);
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT IGNORE INTO fx_loadbench.kv (id, v) VALUES (?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "value-" + i);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** A fixed pool of connections shared by every client of a step, as a service's Hikari pool is. */
    static final class DbPool implements AutoCloseable {
        private final BlockingQueue<PreparedStatement> idle;
        private final List<Connection> connections = new ArrayList<>();

        DbPool(String hostPort, String user, String password, int size) throws SQLException {
            idle = new ArrayBlockingQueue<>(size);
            for (int i = 0; i < size; i++) {
                Connection c = DriverManager.getConnection(jdbcUrl(hostPort), user, password);
                connections.add(c);
                idle.add(c.prepareStatement("SELECT v FROM fx_loadbench.kv WHERE id = ?"));
            }
        }

        ClosedLoop.Client client(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            return new ClosedLoop.Client() {
                @Override
                public String kind() {
                    return "raw db pk select";
                }

                @Override
                public int call() throws Exception {
                    PreparedStatement ps = idle.take();
                    try {
                        ps.setLong(1, random.nextInt(ROWS));
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? 200 : 404;
                        }
                    } finally {
                        idle.add(ps);
                    }
                }
            };
        }

        @Override
        public void close() {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing anyway
                }
            }
        }
    }

    // ---- Redis (RESP over a plain socket, one connection per client) ----

    static final class Redis implements ClosedLoop.Client {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final SplittableRandom random;

        Redis(String hostPort, String password, long seed) throws IOException {
            int colon = hostPort.lastIndexOf(':');
            socket = new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
            random = new SplittableRandom(seed);
            if (password != null && !password.isEmpty()) {
                command("AUTH", password);
                expectLine('+');
            }
        }

        /** Sets the {@value #KEYS} keys the GETs read. */
        static void prepare(String hostPort, String password) throws IOException {
            try (Redis r = new Redis(hostPort, password, 0)) {
                for (int i = 0; i < KEYS; i++) {
                    r.command("SET", REDIS_PREFIX + i, "value-" + i);
                }
                for (int i = 0; i < KEYS; i++) {
                    r.expectLine('+');
                }
            }
        }

        @Override
        public String kind() {
            return "raw redis get";
        }

        @Override
        public int call() throws IOException {
            command("GET", REDIS_PREFIX + random.nextInt(KEYS));
            String head = expectLine('$');
            int length = Integer.parseInt(head.substring(1));
            if (length < 0) {
                return 404;
            }
            byte[] body = in.readNBytes(length + 2);
            if (body.length != length + 2) {
                throw new IOException("Redis closed the connection");
            }
            return 200;
        }

        private void command(String... parts) throws IOException {
            StringBuilder b = new StringBuilder("*").append(parts.length).append("\r\n");
            for (String p : parts) {
                byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
                b.append('$').append(bytes.length).append("\r\n").append(p).append("\r\n");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private String expectLine(char type) throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) {
                    throw new IOException("Redis closed the connection");
                }
                b.append((char) c);
            }
            in.read(); // \n
            String line = b.toString();
            if (line.isEmpty() || line.charAt(0) != type) {
                throw new IOException("Redis answered " + line);
            }
            return line;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
