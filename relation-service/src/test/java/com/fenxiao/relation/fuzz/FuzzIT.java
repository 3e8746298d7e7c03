package com.fenxiao.relation.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.relation.RelationTestSupport;
import com.fenxiao.testing.ApiFuzzer;
import com.fenxiao.testing.TableChecksums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 8, bad input: generated requests against every endpoint of relation-service as every kind of
 * caller. No 5xx, every refusal a problem with a code, nothing written by a refused request.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FuzzIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, FuzzIT.class);
        // nothing may write without a request while the tables are watched
        registry.add("platform.outbox.relay.enabled", () -> "false");
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    PhysicalDatabases physical;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Test
    void no_generated_request_gets_a_5xx_an_unexplained_refusal_or_writes_when_refused() {
        ApiFuzzer.stopBackgroundWork(context);
        // two real members, A invited B, so member requests reach real rows
        RelationTestSupport.Login a = RelationTestSupport.login(http, RelationTestSupport.uniqueCode(), null);
        RelationTestSupport.Login b = RelationTestSupport.login(
                http, RelationTestSupport.uniqueCode(), RelationTestSupport.inviteCodeOf(http, a));
        ApiFuzzer.Report report = ApiFuzzer.of(port, mapping)
                .seed(20261126L)
                .requests(2_600)
                .tokens(caller -> caller == ApiFuzzer.Caller.MEMBER_A
                        ? a.token()
                        : caller == ApiFuzzer.Caller.MEMBER_B ? b.token() : ApiFuzzer.testKeyToken(caller))
                .sample("userId", Long.toString(b.userId()))
                .sample("inviteCode", RelationTestSupport.inviteCodeOf(http, a))
                // SPEC §3: a failed staff login counts toward the lock-out, so its refusal writes the guard row
                .recordsRefusals("POST /admin/v1/auth/login", "staff_login_guard", "lock-out counts failed logins")
                // SPEC §3: every refused bind is kept as history and announced (RELATION_REFUSED via the outbox)
                .recordsRefusals(
                        "POST /api/v1/me/relation/bind",
                        "bind_history|outbox_event",
                        "refused binds are history and a RELATION_REFUSED event")
                .watch(new TableChecksums(physical))
                .verify();
        assertThat(report.requests()).isGreaterThanOrEqualTo(2_500);
        assertThat(report.byStatusClass()).containsKey("2xx");
    }
}
