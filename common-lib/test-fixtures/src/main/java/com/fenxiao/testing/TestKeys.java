package com.fenxiao.testing;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.common.security.Tokens;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** One signing key per test JVM, and tokens signed with it. */
public final class TestKeys {

    private static final ECKey KEY = Tokens.newSigningKey("test-" + UUID.randomUUID());

    private TestKeys() {}

    public static String jwks() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    public static String signingJwk() {
        return KEY.toJSONString();
    }

    public static String memberToken(long userId) {
        return issuer().issue(CallerIdentity.member(userId, null), Duration.ofHours(1))
                .token();
    }

    public static String staffToken(long staffId, StaffRole... roles) {
        return issuer().issue(CallerIdentity.staff(staffId, Set.of(roles), null), Duration.ofHours(1))
                .token();
    }

    private static Tokens.Issuer issuer() {
        return new Tokens.Issuer(signingJwk(), "fenxiao", Clock.systemUTC());
    }
}
