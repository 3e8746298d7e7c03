package com.fenxiao.relation;

import static com.fenxiao.relation.RelationTestSupport.assertCacheAgreesWithDatabase;
import static com.fenxiao.relation.RelationTestSupport.bind;
import static com.fenxiao.relation.RelationTestSupport.inviteCodeOf;
import static com.fenxiao.relation.RelationTestSupport.login;
import static com.fenxiao.relation.RelationTestSupport.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.relation.RelationTestSupport.Login;
import com.fenxiao.relation.chain.domain.ChainCache;
import com.fenxiao.relation.chain.domain.ChainNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Races the database must decide: one member per openid, one binding per member, no cycle from two sides. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrencyIT {

    static final int PARALLEL = 50;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, ConcurrencyIT.class);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    DataSource dataSource;

    @Autowired
    ChainCache cache;

    @Autowired
    ChainNodes nodes;

    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Starts all tasks at once and returns their results. */
    private <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void fifty_parallel_logins_with_the_same_new_code_create_one_member() throws Exception {
        Login inviter = login(http, uniqueCode(), null);
        String inviteCode = inviteCodeOf(http, inviter);
        String code = uniqueCode();
        List<Callable<Login>> tasks = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            tasks.add(() -> login(http, code, inviteCode));
        }
        List<Login> logins = race(tasks);

        assertThat(logins.stream().map(Login::userId).distinct()).hasSize(1);
        assertThat(logins.stream().filter(Login::newUser)).hasSize(1);
        assertThat(logins).allMatch(Login::bound);
        long userId = logins.get(0).userId();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM member WHERE openid = (SELECT openid FROM member WHERE id = ?)",
                        Integer.class,
                        userId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM bind_history WHERE user_id = ? AND action = 'BOUND'",
                        Integer.class,
                        userId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM member WHERE inviter_id = ?", Integer.class, inviter.userId()))
                .isEqualTo(1);
        assertCacheAgreesWithDatabase(http, cache, nodes, userId, inviter.userId());
    }

    @Test
    void fifty_parallel_bindings_of_one_member_to_different_inviters_leave_exactly_one_binding() throws Exception {
        List<String> codes = new ArrayList<>();
        List<Long> inviterIds = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            Login inviter = login(http, uniqueCode(), null);
            inviterIds.add(inviter.userId());
            codes.add(inviteCodeOf(http, inviter));
        }
        Login member = login(http, uniqueCode(), null);
        List<Callable<ResponseEntity<String>>> tasks = new ArrayList<>();
        for (String code : codes) {
            tasks.add(() -> bind(http, member, code));
        }
        List<ResponseEntity<String>> answers = race(tasks);

        assertThat(answers.stream().filter(a -> a.getStatusCode().value() == 200))
                .hasSize(1);
        assertThat(answers.stream().filter(a -> a.getStatusCode().value() == 409))
                .hasSize(PARALLEL - 1)
                .allMatch(a -> RelationTestSupport.json(a.getBody())
                        .path("code")
                        .asText()
                        .equals("ALREADY_BOUND"));
        JsonNode winner = RelationTestSupport.json(answers.stream()
                .filter(a -> a.getStatusCode().value() == 200)
                .findFirst()
                .orElseThrow()
                .getBody());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Long stored = jdbc.queryForObject("SELECT inviter_id FROM member WHERE id = ?", Long.class, member.userId());
        assertThat(stored).isIn(inviterIds);
        assertThat(winner.path("inviterId").asText()).isEqualTo(Long.toString(stored));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM bind_history WHERE user_id = ? AND action = 'BOUND'",
                        Integer.class,
                        member.userId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM bind_history WHERE user_id = ? AND action = 'REFUSED'",
                        Integer.class,
                        member.userId()))
                .isEqualTo(PARALLEL - 1);
        assertCacheAgreesWithDatabase(http, cache, nodes, member.userId(), stored);
    }

    @Test
    void two_members_binding_to_each_other_at_once_never_form_a_cycle() throws Exception {
        for (int round = 0; round < 10; round++) {
            Login x = login(http, uniqueCode(), null);
            Login y = login(http, uniqueCode(), null);
            String xCode = inviteCodeOf(http, x);
            String yCode = inviteCodeOf(http, y);
            List<ResponseEntity<String>> answers =
                    race(List.of(() -> bind(http, x, yCode), () -> bind(http, y, xCode)));
            assertThat(answers.stream().filter(a -> a.getStatusCode().value() == 200))
                    .as("round %d: %s", round, answers)
                    .hasSize(1);
            assertThat(RelationTestSupport.json(answers.stream()
                                    .filter(a -> a.getStatusCode().value() != 200)
                                    .findFirst()
                                    .orElseThrow()
                                    .getBody())
                            .path("code")
                            .asText())
                    .isEqualTo("CYCLE");
            assertCacheAgreesWithDatabase(http, cache, nodes, x.userId(), y.userId());
        }
    }
}
