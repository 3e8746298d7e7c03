package com.fenxiao.testing;

import static com.fenxiao.common.security.StaffRole.ADMIN;
import static com.fenxiao.common.security.StaffRole.AUDITOR;
import static com.fenxiao.common.security.StaffRole.OPS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationMatrixTest {

    private final AuthorizationMatrix matrix = AuthorizationMatrix.expect()
            .with("GET /api/v1/me/wallet", AuthorizationMatrix.members())
            .with("GET /admin/v1/things", AuthorizationMatrix.staff(OPS, AUDITOR, ADMIN))
            .with("POST /admin/v1/things", AuthorizationMatrix.staff(OPS, ADMIN));

    @Test
    void a_complete_table_that_keeps_the_rules_has_no_problems() {
        assertThat(matrix.problemsWith(
                        Set.of("GET /api/v1/me/wallet", "GET /admin/v1/things", "POST /admin/v1/things")))
                .isEmpty();
    }

    @Test
    void a_new_endpoint_without_an_entry_fails_and_so_does_an_entry_without_an_endpoint() {
        assertThat(matrix.problemsWith(
                        Set.of("GET /api/v1/me/wallet", "GET /admin/v1/things", "DELETE /admin/v1/things/{id}")))
                .anyMatch(p -> p.contains("no matrix entry for DELETE /admin/v1/things/{id}"))
                .anyMatch(p -> p.contains("not mapped: POST /admin/v1/things"));
    }

    @Test
    void an_auditor_who_may_change_something_or_a_member_path_open_to_staff_is_refused_by_the_table() {
        AuthorizationMatrix wrong = AuthorizationMatrix.expect()
                .with("POST /admin/v1/things", AuthorizationMatrix.staff(AUDITOR, ADMIN))
                .with(
                        "POST /admin/v1/search",
                        AuthorizationMatrix.staff(AUDITOR).readOnlyPost("a search"))
                .with("GET /api/v1/me/wallet", AuthorizationMatrix.staff(ADMIN))
                .with("GET /api/v1/members/{userId}/wallet", AuthorizationMatrix.members())
                .with("GET /admin/v1/open", AuthorizationMatrix.open("oops"));
        assertThat(wrong.problemsWith(Set.of(
                        "POST /admin/v1/things",
                        "POST /admin/v1/search",
                        "GET /api/v1/me/wallet",
                        "GET /api/v1/members/{userId}/wallet",
                        "GET /admin/v1/open")))
                .hasSize(4)
                .anyMatch(p -> p.startsWith("POST /admin/v1/things lets AUDITOR"))
                .anyMatch(p -> p.startsWith("GET /api/v1/me/wallet is a member path"))
                .anyMatch(
                        p -> p.startsWith("GET /api/v1/members/{userId}/wallet is a member path with a path variable"))
                .anyMatch(p -> p.startsWith("GET /admin/v1/open is an admin path"));
    }

    @Test
    void a_member_path_may_name_the_callers_own_record_when_declared_but_never_a_member() {
        AuthorizationMatrix table = AuthorizationMatrix.expect()
                .with(
                        "GET /api/v1/me/withdrawals/{id}/confirmation",
                        AuthorizationMatrix.members().ownRecord("looked up under the token's member"))
                .with(
                        "GET /api/v1/me/friends/{userId}",
                        AuthorizationMatrix.members().ownRecord("a member id in disguise"));
        assertThat(table.problemsWith(
                        Set.of("GET /api/v1/me/withdrawals/{id}/confirmation", "GET /api/v1/me/friends/{userId}")))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("GET /api/v1/me/friends/{userId} names a member"));
    }
}
