package com.fenxiao.relation.agreement.application;

import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.relation.agreement.domain.AgreementStanding;
import com.fenxiao.relation.agreement.domain.AgreementVersion;
import com.fenxiao.relation.agreement.domain.AgreementVersions;
import com.fenxiao.relation.member.domain.Members;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A logged-in member accepts the agreement in force (version, time, IP are recorded, SPEC §2.6). Only
 * the current version can be accepted: an older one is refused, an unknown one is a bad request. A
 * repeated acceptance of the same version changes nothing.
 */
@Service
public class AcceptAgreement {

    private static final Logger log = LoggerFactory.getLogger(AcceptAgreement.class);

    private final AgreementVersions versions;
    private final Members members;
    private final IdGenerator ids;
    private final Clock clock;

    public AcceptAgreement(AgreementVersions versions, Members members, IdGenerator ids, Clock clock) {
        this.versions = versions;
        this.members = members;
        this.ids = ids;
        this.clock = clock;
    }

    public AgreementStanding accept(long userId, String version, String ip) {
        Instant now = clock.instant();
        AgreementVersion current = versions.current(now).orElseThrow(AgreementRefusals::notConfigured);
        if (!current.version().equals(version)) {
            boolean known =
                    versions.byVersion(version).filter(v -> v.inForceAt(now)).isPresent();
            throw known ? AgreementRefusals.outdated(version, current.version()) : AgreementRefusals.unknown(version);
        }
        if (members.acceptAgreement(ids.nextId(), userId, version, ip, now)) {
            log.info("member {} accepted agreement {}", userId, version);
        }
        return AgreementStanding.of(versions.acceptancesOf(userId), current);
    }
}
