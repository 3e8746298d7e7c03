package com.fenxiao.settlement.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.common.persistence.PhysicalDatabases;
import com.fenxiao.settlement.SettlementTestSupport;
import com.fenxiao.testing.ApiFuzzer;
import com.fenxiao.testing.PlatformTestProperties;
import com.fenxiao.testing.TableChecksums;
import java.time.Duration;
import javax.sql.DataSource;
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
 * Issue 8, bad input: generated requests against every endpoint of settlement-service as every kind of
 * caller. No 5xx, every refusal a problem with a code, nothing written by a refused request.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FuzzIT {

    private static final long FIRST_COMMISSION = 7_100_000_001L;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, FuzzIT.class);
        // nothing may write without a request while the tables are watched: no release schedule and no
        // outbox relay (consumers are stopped below, once the context is up)
        registry.add("platform.settlement.release.enabled", () -> "false");
        registry.add("platform.outbox.relay.enabled", () -> "false");
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    PhysicalDatabases physical;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void no_generated_request_gets_a_5xx_an_unexplained_refusal_or_writes_when_refused() {
        ApiFuzzer.stopBackgroundWork(context);
        // real commissions to find, release and cancel, so some requests get past the look-up
        SettlementTestSupport.seedDue(
                dataSource,
                FIRST_COMMISSION,
                40,
                7_200_000_001L,
                4,
                1_250,
                SettlementTestSupport.T0.minus(Duration.ofDays(1)),
                "FZ");
        ApiFuzzer.Report report = ApiFuzzer.of(port, mapping)
                .seed(20261125L)
                .requests(2_600)
                .sample("id", Long.toString(FIRST_COMMISSION + 7))
                .watch(new TableChecksums(physical))
                .verify();
        assertThat(report.requests()).isGreaterThanOrEqualTo(2_500);
        assertThat(report.byStatusClass()).containsKey("2xx");
    }
}
