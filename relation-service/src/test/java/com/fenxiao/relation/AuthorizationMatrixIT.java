package com.fenxiao.relation;

import static com.fenxiao.common.security.StaffRole.ADMIN;
import static com.fenxiao.common.security.StaffRole.AUDITOR;
import static com.fenxiao.common.security.StaffRole.FINANCE;
import static com.fenxiao.common.security.StaffRole.OPS;
import static com.fenxiao.testing.AuthorizationMatrix.internal;
import static com.fenxiao.testing.AuthorizationMatrix.members;
import static com.fenxiao.testing.AuthorizationMatrix.open;
import static com.fenxiao.testing.AuthorizationMatrix.staff;

import com.fenxiao.testing.AuthorizationMatrix;
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
 * Every endpoint of relation-service as anonymous, two members and each staff role. A new endpoint
 * without a line here fails this test.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIT {

    private static final String REASON = "{\"reason\":\"authorization matrix\"}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelationTestSupport.register(registry, AuthorizationMatrixIT.class);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    @Test
    void every_endpoint_answers_each_caller_as_the_matrix_says() {
        // two real members: A invited B, so each has data of its own the other must not reach
        RelationTestSupport.Login a = RelationTestSupport.login(http, RelationTestSupport.uniqueCode(), null);
        RelationTestSupport.Login b = RelationTestSupport.login(
                http, RelationTestSupport.uniqueCode(), RelationTestSupport.inviteCodeOf(http, a));
        AuthorizationMatrix.expect()
                .tokens(caller -> caller == AuthorizationMatrix.Caller.MEMBER_A
                        ? a.token()
                        : caller == AuthorizationMatrix.Caller.MEMBER_B
                                ? b.token()
                                : AuthorizationMatrix.testKeyToken(caller))
                // members, about themselves only (the token names them)
                .with("POST /api/v1/auth/login", open("member login, WeChat code"))
                .with("GET /api/v1/me/promoter", members())
                .with("GET /api/v1/me/promoter/qrcode", members())
                .with("GET /api/v1/me/promoter/wxacode", members())
                .with("GET /api/v1/auth/agreement", open("the agreement in force, shown before login"))
                .with("GET /api/v1/me/promoter/agreement", members())
                .with(
                        "POST /api/v1/me/promoter/agreement",
                        members().body("{\"version\":\"" + RelationTestSupport.AGREEMENT_VERSION + "\"}"))
                .with("GET /api/v1/me/team", members().query("level=1"))
                .with("POST /api/v1/me/relation/bind", members().body("{\"inviteCode\":\"ABCDEFG\"}"))
                .with("POST /api/v1/me/relation/unbind", members())
                // staff
                .with("POST /admin/v1/auth/login", open("staff login, username and password"))
                .with(
                        "GET /admin/v1/members",
                        staff(OPS, FINANCE, AUDITOR, ADMIN).query("inviteCode=ABCDEFG"))
                .with("GET /admin/v1/members/{userId}", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("GET /admin/v1/members/{userId}/history", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("GET /admin/v1/members/{userId}/audit", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with(
                        "POST /admin/v1/members/{userId}/disable",
                        staff(OPS, ADMIN).body(REASON))
                .with(
                        "POST /admin/v1/members/{userId}/enable",
                        staff(OPS, ADMIN).body(REASON))
                .with("GET /admin/v1/relations/{userId}", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with(
                        "GET /admin/v1/relations/{userId}/invitees",
                        staff(OPS, FINANCE, AUDITOR, ADMIN).query("level=1"))
                .with(
                        "POST /admin/v1/relations/{userId}/unbind-requests",
                        staff(OPS, ADMIN).body(REASON))
                .with("GET /admin/v1/relations/unbind-requests", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("POST /admin/v1/relations/unbind-requests/{approvalId}/approve", staff(OPS, ADMIN))
                .with("POST /admin/v1/relations/unbind-requests/{approvalId}/reject", staff(OPS, ADMIN))
                .with("GET /admin/v1/risk-flags", staff(OPS, FINANCE, AUDITOR, ADMIN))
                .with("POST /admin/v1/risk-flags/{flagId}/clear", staff(OPS, ADMIN))
                .with("POST /admin/v1/risk-flags/{flagId}/confirm", staff(OPS, ADMIN))
                .with("GET /admin/v1/staff", staff(AUDITOR, ADMIN))
                .with(
                        "POST /admin/v1/staff",
                        staff(ADMIN)
                                .body("{\"username\":\"matrix.staff\",\"password\":\"matrix-password-1\","
                                        + "\"roles\":[\"OPS\"]}"))
                .with(
                        "PUT /admin/v1/staff/{staffId}/roles",
                        staff(ADMIN).body("{\"roles\":[\"OPS\"],\"reason\":\"authorization matrix\"}"))
                .with("POST /admin/v1/staff/{staffId}/disable", staff(ADMIN).body(REASON))
                .with("POST /admin/v1/staff/{staffId}/enable", staff(ADMIN).body(REASON))
                .with(
                        "POST /admin/v1/staff/{staffId}/password",
                        staff(ADMIN).body("{\"password\":\"matrix-password-2\",\"reason\":\"authorization matrix\"}"))
                // the shared audit endpoints of common-lib
                .with("GET /admin/v1/audit", staff(AUDITOR, ADMIN))
                .with("GET /admin/v1/audit/verify", staff(AUDITOR, ADMIN))
                .with("GET /admin/v1/audit/export", staff(AUDITOR, ADMIN).query("from=2026-11-01&to=2026-11-02"))
                .with("GET /admin/v1/exports/audit", staff(AUDITOR, ADMIN).query("from=2026-11-01&to=2026-11-02"))
                // service to service, never routed by the gateway
                .with("GET /internal/v1/chains", internal("commission-engine reads chains"))
                .verify(mapping, port);
    }
}
