package com.fenxiao.common.security;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a new token signing key as the two settings the platform reads, ready for {@code .env} or a
 * secret store: {@code PLATFORM_SECURITY_SIGNING_JWK} (the private P-256 key, for relation-service and the
 * gateway) and {@code PLATFORM_SECURITY_JWKS} (the public key set, for every service). Extra arguments
 * are public JWKs already in force (during a rotation), kept in the printed set after the new one.
 *
 * <pre>
 * ./mvnw -q -pl common-lib exec:java -Dexec.mainClass=com.fenxiao.common.security.KeyTool \
 *     -Dexec.args="k-2026-12"
 * </pre>
 */
public final class KeyTool {

    private KeyTool() {}

    public static void main(String[] args) throws Exception {
        print(args, System.out);
    }

    static void print(String[] args, PrintStream out) throws java.text.ParseException {
        String keyId = args.length > 0 && !args[0].isBlank() ? args[0] : "k-" + LocalDate.now(ZoneOffset.UTC);
        ECKey key = Tokens.newSigningKey(keyId);
        List<com.nimbusds.jose.jwk.JWK> set = new ArrayList<>();
        set.add(key.toPublicJWK());
        for (int i = 1; i < args.length; i++) {
            com.nimbusds.jose.jwk.JWK old = com.nimbusds.jose.jwk.JWK.parse(args[i]);
            if (old.isPrivate()) {
                throw new IllegalArgumentException("pass only public keys to keep in the set");
            }
            set.add(old);
        }
        out.println("PLATFORM_SECURITY_SIGNING_JWK='" + key.toJSONString() + "'");
        out.println("PLATFORM_SECURITY_JWKS='" + new JWKSet(set) + "'");
    }
}
