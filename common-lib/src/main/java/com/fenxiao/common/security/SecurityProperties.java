package com.fenxiao.common.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("platform.security")
public class SecurityProperties {

    /** JWKS JSON with the public keys that verify member and staff tokens ({@code PLATFORM_SECURITY_JWKS}). */
    private String jwks;
    /** Private JWK for services that issue tokens ({@code PLATFORM_SECURITY_SIGNING_JWK}). */
    private String signingJwk;

    private String issuer = "fenxiao";
    private Duration memberTokenTtl = Duration.ofHours(2);
    private Duration staffTokenTtl = Duration.ofHours(8);

    public String getJwks() {
        return jwks;
    }

    public void setJwks(String jwks) {
        this.jwks = jwks;
    }

    public String getSigningJwk() {
        return signingJwk;
    }

    public void setSigningJwk(String signingJwk) {
        this.signingJwk = signingJwk;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public Duration getMemberTokenTtl() {
        return memberTokenTtl;
    }

    public void setMemberTokenTtl(Duration memberTokenTtl) {
        this.memberTokenTtl = memberTokenTtl;
    }

    public Duration getStaffTokenTtl() {
        return staffTokenTtl;
    }

    public void setStaffTokenTtl(Duration staffTokenTtl) {
        this.staffTokenTtl = staffTokenTtl;
    }
}
