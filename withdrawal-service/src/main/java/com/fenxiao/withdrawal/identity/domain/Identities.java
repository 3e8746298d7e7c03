package com.fenxiao.withdrawal.identity.domain;

import java.time.Instant;
import java.util.Optional;

/** Stored identities: the ID number and the name encrypted, the keyed hash as the uniqueness claim. */
public interface Identities {

    Optional<Identity> of(long memberId);

    /** The keyed hash the member verified with, if any. */
    Optional<String> idHashOf(long memberId);

    /**
     * Claims the keyed hash for the member (one ID number, one account); returns the member that
     * holds it afterwards, which is someone else when the number is already taken.
     */
    long claim(String idHash, long memberId, Instant at);

    void save(
            long memberId,
            String encryptedName,
            String encryptedIdNumber,
            String idHash,
            String maskedName,
            String maskedIdNumber,
            Instant at);

    /** The encrypted real name, for a payout that must name the payee. */
    Optional<String> encryptedNameOf(long memberId);
}
