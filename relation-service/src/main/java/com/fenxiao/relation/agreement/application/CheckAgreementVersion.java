package com.fenxiao.relation.agreement.application;

import com.fenxiao.relation.agreement.domain.AgreementVersion;
import com.fenxiao.relation.agreement.domain.AgreementVersions;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Login records the agreement version the client showed: it must be a version the server keeps and
 * that is in force (current or older). An older one is recorded as sent; the member view then asks
 * the member to accept the current one.
 */
@Service
public class CheckAgreementVersion {

    private final AgreementVersions versions;
    private final Clock clock;

    public CheckAgreementVersion(AgreementVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    public AgreementVersion requireKnown(String version) {
        return versions.byVersion(version)
                .filter(v -> v.inForceAt(clock.instant()))
                .orElseThrow(() -> AgreementRefusals.unknown(version));
    }
}
