package com.fenxiao.withdrawal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.testing.ApiFuzzer;
import com.fenxiao.testing.TableChecksums;
import com.fenxiao.withdrawal.WithdrawalTestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 8, bad input: generated requests against every endpoint of withdrawal-service as every kind of
 * caller. No 5xx, every refusal a problem with a code, nothing written by a refused request.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FuzzIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, FuzzIT.class);
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

    @LocalServerPort
    int port;

    @Test
    void no_generated_request_gets_a_5xx_an_unexplained_refusal_or_writes_when_refused() {
        ApiFuzzer.stopBackgroundWork(context);
        ApiFuzzer.Report report = ApiFuzzer.of(port, mapping)
                .seed(20261127L)
                .requests(2_600)
                // a real name and a checksum-valid identity number, so some identity requests succeed
                .sample("realName", "张三")
                .sample("idNumber", "11010519491231002X")
                .watch(new TableChecksums(physical))
                .verify();
        assertThat(report.requests()).isGreaterThanOrEqualTo(2_500);
        assertThat(report.byStatusClass()).containsKey("2xx");
    }
}
