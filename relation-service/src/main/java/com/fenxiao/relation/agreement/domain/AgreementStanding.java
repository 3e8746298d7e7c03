package com.fenxiao.relation.agreement.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Where a member stands against the agreement in force: the last version they accepted, the current
 * one, and whether they must accept the current one (they accepted only older versions, or none).
 */
public record AgreementStanding(
        String acceptedVersion, Instant acceptedAt, String currentVersion, boolean reacceptRequired) {

    public static AgreementStanding of(List<AgreementVersions.Acceptance> acceptances, AgreementVersion current) {
        AgreementVersions.Acceptance last = acceptances.stream()
                .max(Comparator.comparing(AgreementVersions.Acceptance::acceptedAt))
                .orElse(null);
        boolean acceptedCurrent = acceptances.stream().anyMatch(a -> a.version().equals(current.version()));
        return new AgreementStanding(
                last == null ? null : last.version(),
                last == null ? null : last.acceptedAt(),
                current.version(),
                !acceptedCurrent);
    }
}
