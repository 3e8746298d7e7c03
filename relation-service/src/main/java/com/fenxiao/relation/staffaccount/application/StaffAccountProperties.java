package com.fenxiao.relation.staffaccount.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Staff login settings: lock-out thresholds and the first ADMIN. */
@ConfigurationProperties("platform.staff")
public class StaffAccountProperties {

    private final BootstrapAdmin bootstrapAdmin = new BootstrapAdmin();
    private final Lockout lockout = new Lockout();
    /** BCrypt cost factor (2^n rounds). */
    private int bcryptStrength = 10;

    /**
     * Created at start when no enabled ADMIN exists and a username is set; give either a BCrypt
     * {@code password-hash} or a {@code password} (from a secret, {@code PLATFORM_STAFF_BOOTSTRAP_ADMIN_PASSWORD}).
     */
    public static class BootstrapAdmin {
        private String username;
        private String password;
        private String passwordHash;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }
    }

    public static class Lockout {
        private int maxAttempts = 5;
        private Duration window = Duration.ofMinutes(15);
        private Duration lockFor = Duration.ofMinutes(15);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public Duration getLockFor() {
            return lockFor;
        }

        public void setLockFor(Duration lockFor) {
            this.lockFor = lockFor;
        }
    }

    public BootstrapAdmin getBootstrapAdmin() {
        return bootstrapAdmin;
    }

    public Lockout getLockout() {
        return lockout;
    }

    public int getBcryptStrength() {
        return bcryptStrength;
    }

    public void setBcryptStrength(int bcryptStrength) {
        this.bcryptStrength = bcryptStrength;
    }
}
