package com.fenxiao.withdrawal.payout.adapter.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockPropertySource;

/** The prod profile runs the payout jobs unless a deployment turns them off (issue 15 point 13). */
class ProdProfilePayoutScheduleTest {

    private static StandardEnvironment prod(MockPropertySource deployment) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(deployment);
        new YamlPropertySourceLoader()
                .load("prod", new ClassPathResource("application-prod.yml"))
                .forEach(env.getPropertySources()::addLast);
        return env;
    }

    @Test
    void without_a_setting_the_payout_jobs_run() throws IOException {
        assertThat(prod(new MockPropertySource()).getProperty("platform.payout.schedule.enabled", Boolean.class))
                .isTrue();
    }

    @Test
    void a_deployment_can_turn_them_off() throws IOException {
        MockPropertySource off = new MockPropertySource().withProperty("PLATFORM_PAYOUT_SCHEDULE_ENABLED", "false");
        assertThat(prod(off).getProperty("platform.payout.schedule.enabled", Boolean.class))
                .isFalse();
    }
}
