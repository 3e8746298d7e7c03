package com.fenxiao.withdrawal.identity.adapter.verifier;

import com.fenxiao.withdrawal.identity.domain.IdentityVerifier;
import com.fenxiao.withdrawal.identity.domain.RealName;
import com.fenxiao.withdrawal.identity.domain.ResidentIdNumber;

/** Local stand-in for a third-party real-name check: every well-formed identity matches. */
public class AcceptAllVerifier implements IdentityVerifier {

    @Override
    public Verdict verify(RealName name, ResidentIdNumber idNumber) {
        return Verdict.MATCH;
    }
}
