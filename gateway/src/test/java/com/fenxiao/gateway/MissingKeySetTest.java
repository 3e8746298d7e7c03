package com.fenxiao.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class MissingKeySetTest {

    @Test
    void refuses_to_start_without_the_key_set_that_verifies_tokens() {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class);

        // command-line arguments outrank an environment that might carry PLATFORM_SECURITY_JWKS
        assertThatThrownBy(() -> gateway.run("--server.port=0", "--platform.security.jwks="))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PLATFORM_SECURITY_JWKS");
    }
}
