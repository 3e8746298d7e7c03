package com.fenxiao.common.security;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Member and staff tokens: short-lived ES256 JWTs. The issuer signs with a private key; every service
 * and the gateway verify against the public key set, so rotating means publishing the new key in the
 * set first, then signing with it.
 */
public final class Tokens {

    private static final int SKEW_SECONDS = 30;

    private Tokens() {}

    public record Grant(String token, Instant expiresAt) {}

    /** A new P-256 signing key; its public half goes into the key set. */
    public static ECKey newSigningKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Issuer {
        private final ECKey key;
        private final String issuer;
        private final Clock clock;

        public Issuer(String signingJwk, String issuer, Clock clock) {
            try {
                this.key = JWK.parse(signingJwk).toECKey();
            } catch (ParseException e) {
                throw new IllegalStateException("platform.security.signing-jwk is not a valid EC JWK", e);
            }
            if (!key.isPrivate()) {
                throw new IllegalStateException("platform.security.signing-jwk has no private part");
            }
            this.issuer = issuer;
            this.clock = clock;
        }

        public Grant issue(CallerIdentity caller, Duration ttl) {
            Instant now = clock.instant();
            Instant exp = now.plus(ttl);
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(Long.toString(caller.subjectId()))
                    .claim("kind", caller.kind().name())
                    .jwtID(
                            caller.tokenId() != null
                                    ? caller.tokenId()
                                    : UUID.randomUUID().toString())
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(exp));
            if (caller.isStaff()) {
                claims.claim(
                        "roles",
                        caller.roles().stream().map(Enum::name).sorted().toList());
            }
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            try {
                jwt.sign(new ECDSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return new Grant(jwt.serialize(), exp);
        }
    }

    /**
     * Verifies tokens against the key set. A token that verified is remembered (bounded) until it
     * expires, so the ES256 check runs once per token and process instead of once per request; the time
     * checks still run on every call, and any other string, however close, is verified in full.
     */
    public static final class Verifier {
        /** Tokens remembered at most; past it, expired ones are dropped, and all of them if none is. */
        static final int REMEMBERED = 50_000;

        private record Verified(CallerIdentity caller, Instant issuedAt, Instant expiresAt) {}

        private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final JWKSet keys;
        private final String issuer;
        private final Clock clock;

        public Verifier(String jwks, String issuer, Clock clock) {
            try {
                this.keys = JWKSet.parse(jwks);
            } catch (ParseException e) {
                throw new IllegalStateException("platform.security.jwks is not a valid JWK set", e);
            }
            if (keys.getKeys().isEmpty()) {
                throw new IllegalStateException("platform.security.jwks has no key");
            }
            this.issuer = issuer;
            this.clock = clock;
        }

        public CallerIdentity verify(String token) {
            Verified known = verified.get(token);
            if (known != null) {
                if (!inTime(known.issuedAt(), known.expiresAt(), clock.instant())) {
                    verified.remove(token);
                    throw invalid();
                }
                return known.caller();
            }
            try {
                SignedJWT jwt = SignedJWT.parse(token);
                if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                    throw invalid();
                }
                JWK jwk = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
                if (jwk == null || !jwt.verify(new ECDSAVerifier(jwk.toECKey().toPublicJWK()))) {
                    throw invalid();
                }
                JWTClaimsSet claims = jwt.getJWTClaimsSet();
                Instant issuedAt = claims.getIssueTime() == null
                        ? null
                        : claims.getIssueTime().toInstant();
                Instant expiresAt = claims.getExpirationTime() == null
                        ? null
                        : claims.getExpirationTime().toInstant();
                if (!issuer.equals(claims.getIssuer())
                        || expiresAt == null
                        || !inTime(issuedAt, expiresAt, clock.instant())) {
                    throw invalid();
                }
                long subject = Long.parseLong(claims.getSubject());
                CallerKind kind = CallerKind.valueOf(claims.getStringClaim("kind"));
                CallerIdentity caller;
                if (kind == CallerKind.MEMBER) {
                    caller = CallerIdentity.member(subject, claims.getJWTID());
                } else {
                    List<String> roleNames = claims.getStringListClaim("roles");
                    Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
                    if (roleNames != null) {
                        roleNames.forEach(r -> roles.add(StaffRole.valueOf(r)));
                    }
                    caller = CallerIdentity.staff(subject, roles, claims.getJWTID());
                }
                remember(token, new Verified(caller, issuedAt, expiresAt));
                return caller;
            } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
                throw invalid();
            }
        }

        /** How many verified tokens are remembered now. */
        int remembered() {
            return verified.size();
        }

        private void remember(String token, Verified v) {
            if (verified.size() >= REMEMBERED) {
                Instant now = clock.instant();
                verified.values().removeIf(x -> !inTime(x.issuedAt(), x.expiresAt(), now));
                if (verified.size() >= REMEMBERED) {
                    verified.clear();
                }
            }
            verified.put(token, v);
        }

        private static boolean inTime(Instant issuedAt, Instant expiresAt, Instant now) {
            return !expiresAt.plusSeconds(SKEW_SECONDS).isBefore(now)
                    && (issuedAt == null || !issuedAt.minusSeconds(SKEW_SECONDS).isAfter(now));
        }

        private static PlatformException invalid() {
            return new PlatformException.Unauthenticated(ErrorCodes.TOKEN_INVALID, "登录凭证无效或已过期,请重新登录");
        }
    }
}
