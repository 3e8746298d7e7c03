package com.fenxiao.relation.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.relation.agreement.domain.AgreementVersions.Acceptance;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementStandingTest {

    private static final Instant NOV = Instant.parse("2026-10-31T16:00:00Z");
    private static final Instant MAR = Instant.parse("2027-02-28T16:00:00Z");
    private static final AgreementVersion V1 = new AgreementVersion("promo-2026-11", "推广员协议", List.of("一"), NOV);
    private static final AgreementVersion V2 = new AgreementVersion("promo-2027-03", "推广员协议", List.of("一"), MAR);

    @Test
    void a_member_who_accepted_the_current_version_need_not_accept_again() {
        AgreementStanding s = AgreementStanding.of(List.of(new Acceptance("promo-2026-11", NOV.plusSeconds(60))), V1);
        assertThat(s.reacceptRequired()).isFalse();
        assertThat(s.acceptedVersion()).isEqualTo("promo-2026-11");
        assertThat(s.currentVersion()).isEqualTo("promo-2026-11");
    }

    @Test
    void a_member_who_accepted_only_an_older_version_must_accept_the_one_in_force() {
        AgreementStanding s = AgreementStanding.of(List.of(new Acceptance("promo-2026-11", NOV.plusSeconds(60))), V2);
        assertThat(s.reacceptRequired()).isTrue();
        assertThat(s.acceptedVersion()).isEqualTo("promo-2026-11");
        assertThat(s.currentVersion()).isEqualTo("promo-2027-03");
    }

    @Test
    void the_last_acceptance_is_the_one_shown_and_accepting_the_current_version_settles_it() {
        AgreementStanding s = AgreementStanding.of(
                List.of(new Acceptance("promo-2027-03", MAR.plusSeconds(5)), new Acceptance("promo-2026-11", NOV)), V2);
        assertThat(s.reacceptRequired()).isFalse();
        assertThat(s.acceptedVersion()).isEqualTo("promo-2027-03");
        assertThat(s.acceptedAt()).isEqualTo(MAR.plusSeconds(5));
    }

    @Test
    void a_member_with_no_acceptance_on_record_must_accept() {
        AgreementStanding s = AgreementStanding.of(List.of(), V1);
        assertThat(s.reacceptRequired()).isTrue();
        assertThat(s.acceptedVersion()).isNull();
    }

    @Test
    void a_version_is_in_force_from_its_effective_time_on() {
        assertThat(V2.inForceAt(MAR.minusMillis(1))).isFalse();
        assertThat(V2.inForceAt(MAR)).isTrue();
    }
}
