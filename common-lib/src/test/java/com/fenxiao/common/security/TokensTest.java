package com.fenxiao.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {

    private static final String ISSUER = "fenxiao-platform";
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    private static final ECKey KEY = Tokens.newSigningKey("k-2026-11");
    private static final ECKey OTHER_KEY = Tokens.newSigningKey("k-2026-11");

    private final MutableClock clock = new MutableClock(NOW);
    private final Tokens.Issuer issuer = new Tokens.Issuer(KEY.toJSONString(), ISSUER, clock);
    private final Tokens.Verifier verifier =
            new Tokens.Verifier(new JWKSet(KEY.toPublicJWK()).toString(), ISSUER, clock);

    @Test
    void verifies_a_member_token_it_issued() {
        Tokens.Grant grant = issuer.issue(CallerIdentity.member(100_001L, "jti-1"), TTL);

        CallerIdentity caller = verifier.verify(grant.token());

        assertThat(caller).isEqualTo(CallerIdentity.member(100_001L, "jti-1"));
        assertThat(caller.isMember()).isTrue();
        assertThat(caller.roles()).isEmpty();
        assertThat(grant.expiresAt()).isEqualTo(NOW.plus(TTL));
    }

    @Test
    void verifies_a_staff_token_with_its_roles() {
        CallerIdentity staff = CallerIdentity.staff(7L, EnumSet.of(StaffRole.FINANCE, StaffRole.AUDITOR), "jti-2");

        CallerIdentity caller = verifier.verify(issuer.issue(staff, TTL).token());

        assertThat(caller).isEqualTo(staff);
        assertThat(caller.isStaff()).isTrue();
        assertThat(caller.roles()).containsExactlyInAnyOrder(StaffRole.FINANCE, StaffRole.AUDITOR);
        assertThat(caller.hasAnyRole(StaffRole.ADMIN)).isFalse();
    }

    @Test
    void gives_each_token_its_own_id_when_none_is_chosen() {
        CallerIdentity first = verifier.verify(
                issuer.issue(CallerIdentity.member(1L, null), TTL).token());
        CallerIdentity second = verifier.verify(
                issuer.issue(CallerIdentity.member(1L, null), TTL).token());

        assertThat(first.tokenId()).isNotBlank().isNotEqualTo(second.tokenId());
    }

    @Test
    void verifies_tokens_of_any_key_in_the_set_during_rotation() {
        ECKey next = Tokens.newSigningKey("k-2026-12");
        Tokens.Verifier rotating = new Tokens.Verifier(
                new JWKSet(List.of(KEY.toPublicJWK(), next.toPublicJWK())).toString(), ISSUER, clock);
        Tokens.Issuer nextIssuer = new Tokens.Issuer(next.toJSONString(), ISSUER, clock);

        assertThat(rotating.verify(issuer.issue(CallerIdentity.member(1L, "a"), TTL)
                                .token())
                        .subjectId())
                .isEqualTo(1L);
        assertThat(rotating.verify(nextIssuer
                                .issue(CallerIdentity.member(2L, "b"), TTL)
                                .token())
                        .subjectId())
                .isEqualTo(2L);
    }

    @Test
    void refuses_a_token_signed_by_another_key() {
        Tokens.Issuer impostor = new Tokens.Issuer(OTHER_KEY.toJSONString(), ISSUER, clock);

        assertRefused(impostor.issue(CallerIdentity.member(1L, "x"), TTL).token());
    }

    @Test
    void refuses_a_token_whose_claims_were_altered() {
        String[] parts =
                issuer.issue(CallerIdentity.member(1L, "x"), TTL).token().split("\\.");
        String forgedClaims =
                base64Url("{\"iss\":\"" + ISSUER + "\",\"sub\":\"2\",\"kind\":\"MEMBER\",\"jti\":\"x\",\"exp\":"
                        + NOW.plus(TTL).getEpochSecond() + "}");

        assertRefused(parts[0] + "." + forgedClaims + "." + parts[2]);
    }

    @Test
    void refuses_an_expired_token() {
        String token = issuer.issue(CallerIdentity.member(1L, "x"), TTL).token();

        clock.advance(TTL.plusSeconds(31));

        assertRefused(token);
    }

    @Test
    void a_token_verified_once_is_refused_from_memory_once_it_expires() {
        String token = issuer.issue(CallerIdentity.member(1L, "x"), TTL).token();
        assertThat(verifier.verify(token).subjectId()).isEqualTo(1L);
        assertThat(verifier.verify(token).subjectId()).isEqualTo(1L);
        assertThat(verifier.remembered()).isEqualTo(1);

        clock.advance(TTL.plusSeconds(31));

        assertRefused(token);
        assertThat(verifier.remembered()).isZero();
    }

    @Test
    void remembering_a_token_does_not_let_an_altered_copy_through() {
        String token = issuer.issue(CallerIdentity.member(1L, "x"), TTL).token();
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String forgedClaims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"2\",\"kind\":\"MEMBER\",\"exp\":"
                                + NOW.plus(TTL).getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8));

        assertRefused(parts[0] + "." + forgedClaims + "." + parts[2]);
        assertRefused(token + "x");
        assertThat(verifier.verify(token).subjectId()).isEqualTo(1L);
    }

    @Test
    void tolerates_a_little_clock_skew_at_expiry() {
        String token = issuer.issue(CallerIdentity.member(1L, "x"), TTL).token();

        clock.advance(TTL.plusSeconds(29));

        assertThat(verifier.verify(token).subjectId()).isEqualTo(1L);
    }

    @Test
    void refuses_a_token_issued_in_the_future() {
        clock.advance(Duration.ofMinutes(5));
        String token = issuer.issue(CallerIdentity.member(1L, "x"), TTL).token();

        clock.advance(Duration.ofMinutes(-5));

        assertRefused(token);
    }

    @Test
    void refuses_a_token_of_another_issuer() {
        Tokens.Issuer stranger = new Tokens.Issuer(KEY.toJSONString(), "someone-else", clock);

        assertRefused(stranger.issue(CallerIdentity.member(1L, "x"), TTL).token());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b.c", "Bearer x", "eyJhbGciOiJFUzI1NiJ9..", "...."})
    void refuses_a_garbage_string(String token) {
        assertRefused(token);
    }

    @Test
    void refuses_an_unsigned_alg_none_token() {
        String header = base64Url("{\"alg\":\"none\",\"kid\":\"" + KEY.getKeyID() + "\"}");
        String claims = base64Url("{\"iss\":\"" + ISSUER + "\",\"sub\":\"1\",\"kind\":\"STAFF\",\"roles\":[\"ADMIN\"],"
                + "\"jti\":\"x\",\"exp\":" + NOW.plus(TTL).getEpochSecond() + "}");

        assertRefused(header + "." + claims + ".");
    }

    @Test
    void refuses_an_hs256_token() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("1")
                .claim("kind", "STAFF")
                .claim("roles", List.of("ADMIN"))
                .jwtID("x")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(TTL)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(), claims);
        jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));

        assertRefused(jwt.serialize());
    }

    @Test
    void refuses_a_key_set_without_keys_or_a_signing_key_without_private_part() {
        assertThatThrownBy(() -> new Tokens.Verifier("{\"keys\":[]}", ISSUER, clock))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Tokens.Issuer(KEY.toPublicJWK().toJSONString(), ISSUER, clock))
                .isInstanceOf(IllegalStateException.class);
    }

    // --- which paths need which caller ---

    @Test
    void lets_anyone_log_in() {
        assertThat(AccessRules.of("/api/v1/auth/login")).isEqualTo(AccessRules.Need.NONE);
        assertThat(AccessRules.of("/admin/v1/auth/login")).isEqualTo(AccessRules.Need.NONE);
    }

    @Test
    void needs_a_member_for_member_paths() {
        assertThat(AccessRules.of("/api/v1/me/wallet")).isEqualTo(AccessRules.Need.MEMBER);
        assertThat(AccessRules.of("/api/v1/me/withdrawals")).isEqualTo(AccessRules.Need.MEMBER);
    }

    @Test
    void needs_staff_for_admin_paths() {
        assertThat(AccessRules.of("/admin/v1/rules")).isEqualTo(AccessRules.Need.STAFF);
        assertThat(AccessRules.of("/admin/v1/exports/tax")).isEqualTo(AccessRules.Need.STAFF);
    }

    @Test
    void needs_nothing_for_health() {
        assertThat(AccessRules.of("/actuator/health")).isEqualTo(AccessRules.Need.NONE);
    }

    // --- helpers ---

    private void assertRefused(String token) {
        AbstractThrowableAssert<?, ? extends Throwable> refusal =
                assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(PlatformException.Unauthenticated.class);
        refusal.extracting(e -> ((PlatformException) e).code()).isEqualTo(ErrorCodes.TOKEN_INVALID);
        refusal.extracting(e -> ((PlatformException) e).status()).isEqualTo(401);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
