package com.fenxiao.withdrawal.identity.application;

import com.fenxiao.withdrawal.identity.domain.Identities;
import com.fenxiao.withdrawal.identity.domain.Identity;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The member's own identity, masked; empty before verification. */
@Service
public class ShowIdentity {

    private final Identities identities;

    public ShowIdentity(Identities identities) {
        this.identities = identities;
    }

    public Optional<Identity> of(long memberId) {
        return identities.of(memberId);
    }
}
