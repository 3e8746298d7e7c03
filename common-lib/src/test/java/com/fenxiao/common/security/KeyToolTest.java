package com.fenxiao.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyToolTest {

    private static String[] lines(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        KeyTool.print(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    }

    private static String value(String line, String name) {
        assertThat(line).startsWith(name + "='").endsWith("'");
        return line.substring(name.length() + 2, line.length() - 1);
    }

    @Test
    void prints_a_signing_key_and_a_key_set_that_verifies_what_it_signs() throws Exception {
        String[] out = lines("k-test");
        String signing = value(out[0], "PLATFORM_SECURITY_SIGNING_JWK");
        String jwks = value(out[1], "PLATFORM_SECURITY_JWKS");

        String token = new Tokens.Issuer(signing, "fenxiao", Clock.systemUTC())
                .issue(CallerIdentity.member(7L, "t"), Duration.ofMinutes(1))
                .token();
        assertThat(new Tokens.Verifier(jwks, "fenxiao", Clock.systemUTC())
                        .verify(token)
                        .subjectId())
                .isEqualTo(7L);
        assertThat(JWKSet.parse(jwks).getKeys()).singleElement().satisfies(k -> {
            assertThat(k.isPrivate()).isFalse();
            assertThat(k.getKeyID()).isEqualTo("k-test");
        });
    }

    @Test
    void keeps_the_public_keys_in_force_during_a_rotation_and_refuses_a_private_one() throws Exception {
        String old = Tokens.newSigningKey("k-old").toPublicJWK().toJSONString();
        String[] out = lines("k-new", old);
        assertThat(JWKSet.parse(value(out[1], "PLATFORM_SECURITY_JWKS")).getKeys())
                .extracting(k -> k.getKeyID())
                .containsExactly("k-new", "k-old");

        String privateOne = Tokens.newSigningKey("k-x").toJSONString();
        assertThatThrownBy(() -> lines("k-new", privateOne)).isInstanceOf(IllegalArgumentException.class);
    }
}
