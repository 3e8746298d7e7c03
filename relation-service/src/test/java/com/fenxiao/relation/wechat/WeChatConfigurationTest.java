package com.fenxiao.relation.wechat;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class WeChatConfigurationTest {

    private static WeChatProperties standIn() {
        WeChatProperties p = new WeChatProperties();
        p.setStandIn(true);
        return p;
    }

    @Test
    void the_prod_profile_refuses_to_start_with_the_stand_in() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> WeChatConfiguration.refuseStandInInProduction(standIn(), prod))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stand-in");
    }

    @Test
    void the_stand_in_runs_in_the_local_profile_and_in_tests() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThatCode(() -> WeChatConfiguration.refuseStandInInProduction(standIn(), local))
                .doesNotThrowAnyException();
        assertThatCode(() -> WeChatConfiguration.refuseStandInInProduction(standIn(), new MockEnvironment()))
                .doesNotThrowAnyException();
    }

    @Test
    void without_the_stand_in_real_credentials_are_required() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        WeChatProperties none = new WeChatProperties();
        assertThatThrownBy(() -> WeChatConfiguration.refuseStandInInProduction(none, prod))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app-id");
        none.setAppId("wx123");
        none.setAppSecret("secret");
        assertThatCode(() -> WeChatConfiguration.refuseStandInInProduction(none, prod))
                .doesNotThrowAnyException();
    }
}
