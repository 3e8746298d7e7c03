package com.fenxiao.commission.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApprovalRequestTest {

    static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    final ApprovalRequest request =
            ApprovalRequest.open(1, ApprovalKind.RULE_CHANGE, "PRODUCT:P", "{}", "campaign", 10, NOW);

    @Test
    void refuses_the_maker_approving_or_rejecting_their_own_request() {
        assertThatThrownBy(() -> request.decide(10, true, null, NOW))
                .extracting(e -> ((ApprovalRefused) e).code())
                .isEqualTo("SELF_APPROVAL");
        assertThatThrownBy(() -> request.decide(10, false, null, NOW))
                .extracting(e -> ((ApprovalRefused) e).code())
                .isEqualTo("SELF_APPROVAL");
    }

    @Test
    void lets_another_staff_member_decide_once() {
        ApprovalRequest approved = request.decide(11, true, "ok", NOW);

        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(11L);
        assertThatThrownBy(() -> approved.decide(12, false, null, NOW))
                .extracting(e -> ((ApprovalRefused) e).code())
                .isEqualTo("APPROVAL_ALREADY_DECIDED");
        assertThat(request.decide(11, false, "no", NOW).status()).isEqualTo(ApprovalStatus.REJECTED);
    }

    @Test
    void needs_a_reason() {
        assertThatThrownBy(() -> ApprovalRequest.open(1, ApprovalKind.RULE_CHANGE, "x", "{}", " ", 10, NOW))
                .extracting(e -> ((ApprovalRefused) e).code())
                .isEqualTo("REASON_REQUIRED");
    }
}
