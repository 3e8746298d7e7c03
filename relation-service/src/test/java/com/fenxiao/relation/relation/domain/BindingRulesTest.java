package com.fenxiao.relation.relation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The binding rules as pure logic, over an in-memory inviter graph. */
class BindingRulesTest {

    private final Map<Long, Long> inviterOf = new HashMap<>();
    private final InviterGraph graph = inviterOf::get;

    private static final long A = 1, B = 2, C = 3, D = 4, E = 5;

    private BindingRules.Candidate unbound(long id) {
        return new BindingRules.Candidate(id, null, false);
    }

    private BindingRules.CodeOwner owner(long id) {
        return new BindingRules.CodeOwner(id, true, inviterOf.get(id));
    }

    @Test
    void binds_to_the_code_owner_with_the_owners_inviter_as_level_two() {
        inviterOf.put(B, A);
        assertThat(BindingRules.decide(unbound(C), owner(B), graph)).isEqualTo(new Decision.Bind(B, A));
    }

    @Test
    void an_owner_without_an_inviter_gives_no_level_two() {
        assertThat(BindingRules.decide(unbound(B), owner(A), graph)).isEqualTo(new Decision.Bind(A, null));
    }

    @Test
    void level_two_is_never_further_up_than_the_owners_own_inviter() {
        inviterOf.put(B, A);
        inviterOf.put(C, B);
        // D joins under C: level 1 = C, level 2 = B; A (three up) appears nowhere
        Decision d = BindingRules.decide(unbound(D), owner(C), graph);
        assertThat(d).isEqualTo(new Decision.Bind(C, B));
    }

    @Test
    void the_first_binding_wins() {
        BindingRules.Candidate bound = new BindingRules.Candidate(C, A, false);
        assertThat(BindingRules.decide(bound, owner(B), graph))
                .isEqualTo(new Decision.Refuse(BindRefusal.ALREADY_BOUND));
    }

    @Test
    void presenting_the_current_inviters_code_again_changes_nothing() {
        BindingRules.Candidate bound = new BindingRules.Candidate(C, B, false);
        assertThat(BindingRules.decide(bound, owner(B), graph)).isEqualTo(new Decision.Unchanged(B));
    }

    @Test
    void an_unknown_or_disabled_code_is_invalid() {
        assertThat(BindingRules.decide(unbound(C), null, graph))
                .isEqualTo(new Decision.Refuse(BindRefusal.INVALID_INVITE_CODE));
        assertThat(BindingRules.decide(unbound(C), new BindingRules.CodeOwner(B, false, null), graph))
                .isEqualTo(new Decision.Refuse(BindRefusal.INVALID_INVITE_CODE));
    }

    @Test
    void a_member_cannot_invite_themselves() {
        assertThat(BindingRules.decide(unbound(C), owner(C), graph))
                .isEqualTo(new Decision.Refuse(BindRefusal.SELF_INVITE));
    }

    @Test
    void binding_to_a_direct_invitee_is_a_cycle() {
        inviterOf.put(B, A);
        assertThat(BindingRules.decide(unbound(A), owner(B), graph)).isEqualTo(new Decision.Refuse(BindRefusal.CYCLE));
    }

    @Test
    void binding_to_anyone_below_in_the_whole_graph_is_a_cycle() {
        inviterOf.put(B, A);
        inviterOf.put(C, B);
        inviterOf.put(D, C);
        inviterOf.put(E, D);
        assertThat(BindingRules.decide(unbound(A), owner(E), graph)).isEqualTo(new Decision.Refuse(BindRefusal.CYCLE));
    }

    @Test
    void binding_to_someone_in_another_branch_is_not_a_cycle() {
        inviterOf.put(B, A);
        inviterOf.put(C, A);
        inviterOf.put(D, C);
        assertThat(BindingRules.decide(unbound(B), owner(D), graph)).isEqualTo(new Decision.Bind(D, C));
    }

    @Test
    void a_member_with_a_paid_order_can_no_longer_bind() {
        assertThat(BindingRules.decide(new BindingRules.Candidate(C, null, true), owner(B), graph))
                .isEqualTo(new Decision.Refuse(BindRefusal.HAS_PAID_ORDER));
    }

    @Test
    void a_corrupt_graph_with_a_cycle_is_reported_rather_than_walked_forever() {
        inviterOf.put(B, C);
        inviterOf.put(C, B);
        assertThatThrownBy(() -> BindingRules.decide(unbound(A), owner(B), graph))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void every_refusal_has_a_chinese_message_and_its_api_code() {
        for (BindRefusal r : BindRefusal.values()) {
            assertThat(r.code()).isEqualTo(r.name());
            assertThat(r.message()).isNotBlank().matches(".*\\p{IsHan}.*");
        }
    }
}
