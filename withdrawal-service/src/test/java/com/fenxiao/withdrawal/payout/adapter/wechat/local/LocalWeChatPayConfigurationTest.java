package com.fenxiao.withdrawal.payout.adapter.wechat.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LocalWeChatPayConfigurationTest {

    @Test
    void the_local_fake_refuses_to_run_under_a_production_profile() {
        for (String profile : new String[] {"prod", "production"}) {
            MockEnvironment env = new MockEnvironment();
            env.setActiveProfiles("local", profile);
            assertThatThrownBy(() -> LocalWeChatPayConfiguration.refuseInProduction(env))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("local-fake");
        }
    }

    @Test
    void the_local_fake_runs_under_the_local_profile_and_in_tests() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThatCode(() -> LocalWeChatPayConfiguration.refuseInProduction(local))
                .doesNotThrowAnyException();
        assertThatCode(() -> LocalWeChatPayConfiguration.refuseInProduction(new MockEnvironment()))
                .doesNotThrowAnyException();
    }
}
