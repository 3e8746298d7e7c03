package com.fenxiao.relation.agreement.application;

import com.fenxiao.relation.agreement.domain.AgreementStanding;
import com.fenxiao.relation.agreement.domain.AgreementVersion;
import com.fenxiao.relation.agreement.domain.AgreementVersions;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** The agreement in force (shown before login), and a member's standing against it. */
@Service
public class ShowAgreement {

    private final AgreementVersions versions;
    private final Clock clock;

    public ShowAgreement(AgreementVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    public AgreementVersion current() {
        return versions.current(clock.instant()).orElseThrow(AgreementRefusals::notConfigured);
    }

    public AgreementStanding standingOf(long userId) {
        return AgreementStanding.of(versions.acceptancesOf(userId), current());
    }
}
