package com.fenxiao.withdrawal;

import com.fenxiao.testing.ServiceBasicsContract;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts on the real stack, migrates its databases, and answers as every service must. */
@AutoConfigureObservability
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceStartsIT extends ServiceBasicsContract {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        WithdrawalTestProperties.registerKeys(registry);
    }
}
