package com.fenxiao.withdrawal;

import static com.fenxiao.common.security.StaffRole.ADMIN;
import static com.fenxiao.common.security.StaffRole.AUDITOR;
import static com.fenxiao.common.security.StaffRole.FINANCE;
import static com.fenxiao.common.security.StaffRole.OPS;
import static com.fenxiao.testing.AuthorizationMatrix.MEMBER_A_ID;
import static com.fenxiao.testing.AuthorizationMatrix.MEMBER_B_ID;
import static com.fenxiao.testing.AuthorizationMatrix.internal;
import static com.fenxiao.testing.AuthorizationMatrix.members;
import static com.fenxiao.testing.AuthorizationMatrix.signed;
import static com.fenxiao.testing.AuthorizationMatrix.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.identity.TestIdNumbers;
import com.fenxiao.testing.AuthorizationMatrix;
import com.fenxiao.testing.TestKeys;
import com.fenxiao.withdrawal.wallet.application.PostToWallet;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of withdrawal-service as anonymous, two members and each staff role. A new endpoint
 * without a line here fails this test. Member A has a verified identity, a wallet and a withdrawal of
 * its own; member B sees none of them (member paths name no member: the token does).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAYS = "from=2026-11-01&to=2026-11-02";
    private static final String WITHDRAWAL = "{\"amountFen\":1000,\"channel\":\"WECHAT\"}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.register(registry, AuthorizationMatrixIT.class);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    PostToWallet post;

    @Test
    void every_endpoint_answers_each_caller_as_the_matrix_says() throws Exception {
        membersReachOnlyTheirOwnData();
        AuthorizationMatrix.expect()
                // members, about themselves only (the token names them)
                .with("GET /api/v1/me/identity", members())
                .with(
                        "PUT /api/v1/me/identity",
                        members().body("{\"realName\":\"张三\",\"idNumber\":\"" + TestIdNumbers.adult() + "\"}"))
                .with("GET /api/v1/me/wallet", members())
                .with("POST /api/v1/me/withdrawals/quote", members().body(WITHDRAWAL))
                .with("POST /api/v1/me/withdrawals", members().body(WITHDRAWAL))
                .with("GET /api/v1/me/withdrawals", members())
                // a withdrawal id, looked up under the caller's own id: another member's is 404
                // (TransferConfirmationIT)
                .with(
                        "GET /api/v1/me/withdrawals/{id}/confirmation",
                        members().ownRecord("withdrawal looked up by the token's member"))
                .with(
                        "POST /api/v1/me/withdrawals/{id}/confirmation",
                        members()
                                .ownRecord("withdrawal looked up by the token's member")
                                .body("{\"result\":\"CANCELLED\"}"))
                // staff: review and bank payouts change money, so finance and admin only
                .with("GET /admin/v1/withdrawals", staff(FINANCE, AUDITOR, ADMIN))
                .with("POST /admin/v1/withdrawals/{id}/approve", staff(FINANCE, ADMIN))
                .with(
                        "POST /admin/v1/withdrawals/{id}/reject",
                        staff(FINANCE, ADMIN).body("{\"reason\":\"authorization matrix\"}"))
                .with("POST /admin/v1/withdrawals/bank-batches", staff(FINANCE, ADMIN))
                .with(
                        "POST /admin/v1/withdrawals/{id}/mark-paid",
                        staff(FINANCE, ADMIN).body("{\"bankReference\":\"MATRIX-1\"}"))
                .with(
                        "GET /admin/v1/exports/wallet-ledger",
                        staff(FINANCE, AUDITOR, ADMIN).query(DAYS))
                .with(
                        "GET /admin/v1/exports/withdrawals",
                        staff(OPS, FINANCE, AUDITOR, ADMIN).query(DAYS))
                .with(
                        "GET /admin/v1/exports/tax",
                        staff(FINANCE, AUDITOR, ADMIN).query(DAYS))
                // the shared audit endpoints of common-lib
                .with("GET /admin/v1/audit", staff(AUDITOR, ADMIN))
                .with("GET /admin/v1/audit/verify", staff(AUDITOR, ADMIN))
                .with("GET /admin/v1/audit/export", staff(AUDITOR, ADMIN).query(DAYS))
                .with("GET /admin/v1/exports/audit", staff(AUDITOR, ADMIN).query(DAYS))
                // WeChat Pay's transfer notices: the gateway routes /integration/** here; the notice's own
                // signature (WeChat Pay platform certificate) is the only way in, a bearer token opens nothing
                .with(
                        "POST /integration/v1/wechatpay/transfer-notices",
                        signed("WeChat Pay signature checked by the service"))
                // service to service, never routed by the gateway
                .with("GET /internal/v1/wallet-totals", internal("settlement-service's ledger invariant check"))
                .verify(mapping, port);
    }

    /** A's identity, wallet and withdrawal are A's: B, asking with its own token, gets its own (empty) data. */
    private void membersReachOnlyTheirOwnData() throws Exception {
        assertThat(member(
                                HttpMethod.PUT,
                                "/api/v1/me/identity",
                                MEMBER_A_ID,
                                "{\"realName\":\"张三\",\"idNumber\":\"" + TestIdNumbers.adult() + "\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        post.post(MEMBER_A_ID, EntryType.COMMISSION_CREATED, "matrix-a:created", 10_000);
        post.post(MEMBER_A_ID, EntryType.COMMISSION_SETTLED, "matrix-a:settled", 10_000);
        ResponseEntity<String> requested = member(HttpMethod.POST, "/api/v1/me/withdrawals", MEMBER_A_ID, WITHDRAWAL);
        assertThat(requested.getStatusCode().value()).isEqualTo(201);
        String id = JSON.readTree(requested.getBody()).get("id").asText();

        assertThat(json(member(HttpMethod.GET, "/api/v1/me/withdrawals", MEMBER_A_ID, null))
                        .toString())
                .contains(id);
        assertThat(json(member(HttpMethod.GET, "/api/v1/me/withdrawals", MEMBER_B_ID, null))
                        .get("items"))
                .isEmpty();
        assertThat(json(member(HttpMethod.GET, "/api/v1/me/wallet", MEMBER_A_ID, null))
                        .get("availableFen")
                        .asLong())
                .isEqualTo(9_000);
        assertThat(json(member(HttpMethod.GET, "/api/v1/me/wallet", MEMBER_B_ID, null))
                        .get("availableFen")
                        .asLong())
                .isZero();
        ResponseEntity<String> identityOfB = member(HttpMethod.GET, "/api/v1/me/identity", MEMBER_B_ID, null);
        assertThat(identityOfB.getBody()).doesNotContain("三").doesNotContain("\"verified\":true");
        JsonNode identityOfA = json(member(HttpMethod.GET, "/api/v1/me/identity", MEMBER_A_ID, null));
        assertThat(identityOfA.get("verified").asBoolean()).isTrue();
        assertThat(identityOfA.get("maskedName").asText()).isEqualTo("*三");
    }

    private ResponseEntity<String> member(HttpMethod method, String path, long memberId, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.memberToken(memberId));
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("Idempotency-Key", "matrix-own-" + memberId);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static JsonNode json(ResponseEntity<String> r) throws Exception {
        return JSON.readTree(r.getBody());
    }
}
