package com.fenxiao.withdrawal.identity.domain;

/**
 * A third-party check that the name and the ID number belong together (e.g. a government data
 * service). Pluggable: the default accepts everything and is meant for local use only.
 */
public interface IdentityVerifier {

    enum Verdict {
        MATCH,
        MISMATCH
    }

    Verdict verify(RealName name, ResidentIdNumber idNumber);
}
