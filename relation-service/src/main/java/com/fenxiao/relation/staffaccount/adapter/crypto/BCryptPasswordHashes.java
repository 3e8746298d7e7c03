package com.fenxiao.relation.staffaccount.adapter.crypto;

import com.fenxiao.relation.staffaccount.application.StaffAccountProperties;
import com.fenxiao.relation.staffaccount.domain.PasswordHashes;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

@Component
class BCryptPasswordHashes implements PasswordHashes {

    private final BCryptPasswordEncoder encoder;
    /** A hash of a random password, checked against when the username is unknown. */
    private final String decoy;

    BCryptPasswordHashes(StaffAccountProperties props) {
        this.encoder = new BCryptPasswordEncoder(props.getBcryptStrength());
        this.decoy = encoder.encode("decoy-" + System.identityHashCode(this));
    }

    @Override
    public String hash(String password) {
        return encoder.encode(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(password, hash);
    }

    @Override
    public void spendComparableTime(String password) {
        encoder.matches(password, decoy);
    }
}
