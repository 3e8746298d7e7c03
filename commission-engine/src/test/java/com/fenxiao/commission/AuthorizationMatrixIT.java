package com.fenxiao.commission;

import static com.fenxiao.common.security.StaffRole.ADMIN;
import static com.fenxiao.common.security.StaffRole.AUDITOR;
import static com.fenxiao.common.security.StaffRole.FINANCE;
import static com.fenxiao.common.security.StaffRole.OPS;
import static com.fenxiao.testing.AuthorizationMatrix.members;
import static com.fenxiao.testing.AuthorizationMatrix.signed;
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
 * Every endpoint of commission-engine as anonymous, two members and each staff role. A new endpoint
 * without a line here fails this test.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, AuthorizationMatrixIT.class);
        registry.add("platform.integration.clients.matrix-client.secret", () -> "matrix-client-secret-0123456789");
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @LocalServerPort
    int port;

    @Test
    void every_endpoint_answers_each_caller_as_the_matrix_says() {
        AuthorizationMatrix.expect()
                .with("GET /api/v1/me/commissions", members())
                // the order system signs its events; no bearer token opens the door
                .with("POST /integration/v1/order-events", signed("HMAC over timestamp and body"))
                .with("GET /admin/v1/rules", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with(
                        "POST /admin/v1/rules/change-requests",
                        staff(OPS, ADMIN)
                                .body("{\"scope\":\"PRODUCT\",\"scopeId\":\"MATRIX\",\"level1Bp\":900,"
                                        + "\"reason\":\"authorization matrix\"}"))
                .with("GET /admin/v1/rules/change-requests", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("POST /admin/v1/rules/change-requests/{id}/approve", staff(OPS, ADMIN))
                .with("POST /admin/v1/rules/change-requests/{id}/reject", staff(OPS, ADMIN))
                .with("GET /admin/v1/commissions/{id:\\d+}", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("GET /admin/v1/commissions/orders/{orderId}", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("GET /admin/v1/commissions/promoters/{promoterId}", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with(
                        "PUT /admin/v1/commissions/promoters/{promoterId}/standing",
                        staff(OPS, ADMIN).body("{\"disabled\":false,\"reason\":\"authorization matrix\"}"))
                .with(
                        "POST /admin/v1/commissions/{commissionId:\\d+}/adjustment-requests",
                        staff(OPS, FINANCE, ADMIN).body("{\"deltaFen\":1,\"reason\":\"authorization matrix\"}"))
                .with("GET /admin/v1/commissions/adjustment-requests", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("POST /admin/v1/commissions/adjustment-requests/{id}/approve", staff(FINANCE, ADMIN))
                .with("POST /admin/v1/commissions/adjustment-requests/{id}/reject", staff(FINANCE, ADMIN))
                // the shared audit endpoints of common-lib
                .with("GET /admin/v1/audit", staff(AUDITOR, ADMIN))
                .with("GET /admin/v1/audit/verify", staff(AUDITOR, ADMIN))
                .with("GET /admin/v1/audit/export", staff(AUDITOR, ADMIN).query("from=2026-11-01&to=2026-11-02"))
                .with("GET /admin/v1/exports/audit", staff(AUDITOR, ADMIN).query("from=2026-11-01&to=2026-11-02"))
                .verify(mapping, port);
    }
}
