package com.fenxiao.relation.agreement.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The agreement versions the server knows, and what each member accepted. */
public interface AgreementVersions {

    /** The version in force at {@code now}: the latest whose effective time is not after it. */
    Optional<AgreementVersion> current(Instant now);

    Optional<AgreementVersion> byVersion(String version);

    /** Every acceptance of the member, any version. */
    List<Acceptance> acceptancesOf(long userId);

    record Acceptance(String version, Instant acceptedAt) {}
}
