package com.fenxiao.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 7's browser tests: the whole platform as the README starts it, then a member and two staff
 * members in headless Chromium, through the gateway only (the order system through its signed intake).
 * Screenshots of every step land in {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysIT {

    static final String ADMIN_USERNAME = "e2e-admin";
    static final String ADMIN_PASSWORD = "E2e-admin-passw0rd";

    static LaunchedPlatform platform;
    static BrowserScripts browser;
    static Path screenshots;
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    static void startPlatform() throws Exception {
        Path root =
                Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(
                Path.of(System.getProperty("e2e.work", "target/e2e")).toAbsolutePath());
        screenshots = root.resolve("e2e-tests/target/screenshots");
        LaunchedPlatform.deleteTree(screenshots);
        Files.createDirectories(screenshots);
        browser = new BrowserScripts(
                Path.of(System.getProperty("e2e.browser-dir", "src/test/browser"))
                        .toAbsolutePath(),
                Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium")));
        browser.requireTools();
        browser.install();

        Map<String, String> env = new HashMap<>();
        // the after-sales window and the release job, short enough for a browser to watch (SPEC §5)
        env.put("SETTLEMENT_WINDOW", "PT5S");
        env.put("SETTLEMENT_RELEASE_INTERVAL", "PT2S");
        // the first ADMIN (relation-service, platform.staff.bootstrap-admin.*)
        env.put("PLATFORM_STAFF_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("PLATFORM_STAFF_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        int offset = Integer.getInteger("e2e.port-offset", 1000);
        platform = LaunchedPlatform.start(root, work, offset, env, Duration.ofMinutes(5));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void a_member_logs_in_with_an_invite_code_sees_a_commission_and_withdraws_it() throws Exception {
        assertPasses("member-journey.mjs", "member");
    }

    @Test
    @Order(2)
    void a_staff_member_approves_an_unbind_requested_by_another_and_the_audit_log_shows_both() throws Exception {
        assertPasses("staff-journey.mjs", "staff");
    }

    @Test
    @Order(3)
    void a_new_member_opens_the_invite_link_a_promoter_shares_and_is_bound_to_that_promoter() throws Exception {
        assertPasses("invite-link-journey.mjs", "invite-link");
    }

    private static void assertPasses(String script, String journey) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("E2E_BASE_URL", platform.baseUrl());
        env.put("E2E_SCREENSHOTS", screenshots.toString());
        env.put("E2E_CHROMIUM", System.getProperty("e2e.chromium", "/usr/bin/chromium"));
        env.put("E2E_SIGNING_JWK_FILE", platform.signingKey().toString());
        env.put("E2E_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("E2E_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("E2E_RUN", RUN + journey.charAt(0));
        BrowserScripts.Result result = browser.run(script, env, Duration.ofMinutes(4));
        // what a journey could not check yet is said on lines of its own, and repeated here
        result.output()
                .lines()
                .filter(l -> l.contains("PENDING:"))
                .map(l -> l.substring(l.indexOf("PENDING:")))
                .distinct()
                .forEach(l -> System.out.println("[e2e] " + journey + " journey " + l));
        assertThat(result.output())
                .as("%s (exit %d); service logs in %s", script, result.exitCode(), platform.logs())
                .contains("JOURNEY PASSED: " + journey);
        assertThat(result.exitCode()).isZero();
    }
}
