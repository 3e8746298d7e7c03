package com.fenxiao.settlement;

import static com.fenxiao.common.security.StaffRole.ADMIN;
import static com.fenxiao.common.security.StaffRole.AUDITOR;
import static com.fenxiao.common.security.StaffRole.FINANCE;
import static com.fenxiao.common.security.StaffRole.OPS;
import static com.fenxiao.testing.AuthorizationMatrix.staff;

import com.fenxiao.testing.AuthorizationMatrix;
import com.fenxiao.testing.PlatformTestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of settlement-service as anonymous, two members and each staff role. A new endpoint
 * without a line here fails this test.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIT {

    private static final String DAYS = "from=2026-11-01&to=2026-11-02";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, AuthorizationMatrixIT.class);
        registry.add("platform.settlement.release.enabled", () -> "false");
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @LocalServerPort
    int port;

    @Test
    void every_endpoint_answers_each_caller_as_the_matrix_says() {
        AuthorizationMatrix.expect()
                .with("GET /admin/v1/settlement/overview", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("GET /admin/v1/settlement/runs", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("POST /admin/v1/settlement/runs", staff(OPS, ADMIN).body("{\"shard\":\"ds_99/99\"}"))
                .with("GET /admin/v1/settlement/held", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("GET /admin/v1/settlement/commissions/{id}", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with(
                        "POST /admin/v1/settlement/commissions/{id}/release",
                        staff(OPS, ADMIN).body("{\"reason\":\"authorization matrix\"}"))
                .with(
                        "POST /admin/v1/settlement/commissions/{id}/cancel",
                        staff(OPS, ADMIN).body("{\"reason\":\"authorization matrix\"}"))
                .with(
                        "GET /admin/v1/reconciliation",
                        staff(OPS, FINANCE, AUDITOR, ADMIN).query(DAYS))
                .with("GET /admin/v1/reconciliation/invariants", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with(
                        "GET /admin/v1/exports/reconciliation",
                        staff(OPS, FINANCE, AUDITOR, ADMIN).query(DAYS))
                .with(
                        "GET /admin/v1/exports/commission-ledger",
                        staff(OPS, FINANCE, AUDITOR, ADMIN).query(DAYS))
                // the shared audit endpoints of common-lib
                .with("GET /admin/v1/audit", staff(AUDITOR, ADMIN))
                .with("GET /admin/v1/audit/verify", staff(AUDITOR, ADMIN))
                .with("GET /admin/v1/audit/export", staff(AUDITOR, ADMIN).query(DAYS))
                .with("GET /admin/v1/exports/audit", staff(AUDITOR, ADMIN).query(DAYS))
                .verify(mapping, port);
    }
}
