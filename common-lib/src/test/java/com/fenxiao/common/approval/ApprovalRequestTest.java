package com.fenxiao.common.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fenxiao.common.error.PlatformException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApprovalRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    private final ApprovalRequest request =
            ApprovalRequest.open(1, "RULE_CHANGE", "PRODUCT:P1", "{}", "raise the rate", 10, "req-1", NOW);

    @Test
    void refuses_the_maker_approving_or_rejecting_their_own_request() {
        assertThatThrownBy(() -> request.decide(10, true, null, NOW))
                .isInstanceOf(PlatformException.Forbidden.class)
                .extracting(e -> ((PlatformException) e).code())
                .isEqualTo("SELF_APPROVAL");
        assertThatThrownBy(() -> request.decide(10, false, null, NOW))
                .extracting(e -> ((PlatformException) e).code())
                .isEqualTo("SELF_APPROVAL");
        assertThat(request.isSelfApproval(10)).isTrue();
        assertThat(request.isSelfApproval(11)).isFalse();
    }

    @Test
    void another_staff_member_decides_once() {
        ApprovalRequest approved = request.decide(11, true, "ok", NOW);
        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(11L);
        assertThat(approved.appliedAt()).isNull();
        assertThatThrownBy(() -> approved.decide(12, false, null, NOW))
                .isInstanceOf(PlatformException.Refused.class)
                .extracting(e -> ((PlatformException) e).code())
                .isEqualTo("APPROVAL_ALREADY_DECIDED");
        assertThat(request.decide(11, false, "no", NOW).status()).isEqualTo(ApprovalStatus.REJECTED);
    }

    @Test
    void needs_a_reason() {
        assertThatThrownBy(() -> ApprovalRequest.open(1, "RULE_CHANGE", "x", "{}", " ", 10, null, NOW))
                .extracting(e -> ((PlatformException) e).code())
                .isEqualTo("REASON_REQUIRED");
    }

    @Test
    void an_approved_change_is_marked_applied_once_and_a_refused_one_fails_with_its_reason() {
        ApprovalRequest approved = request.decide(11, true, "ok", NOW);
        assertThat(approved.applied(NOW.plusSeconds(1)).appliedAt()).isEqualTo(NOW.plusSeconds(1));
        ApprovalRequest failed = approved.failed("COMMISSION_NOT_ADJUSTABLE", NOW.plusSeconds(2));
        assertThat(failed.status()).isEqualTo(ApprovalStatus.FAILED);
        assertThat(failed.decisionNote()).isEqualTo("COMMISSION_NOT_ADJUSTABLE");
    }
}
