package com.fenxiao.relation.staffaccount.application;

import com.fenxiao.common.audit.AuditRecord;
import com.fenxiao.common.audit.AuditTrail;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.staffaccount.domain.Credentials;
import com.fenxiao.relation.staffaccount.domain.PasswordHashes;
import com.fenxiao.relation.staffaccount.domain.StaffAccount;
import com.fenxiao.relation.staffaccount.domain.StaffAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first ADMIN comes from configuration: at start, when no enabled ADMIN exists and
 * {@code platform.staff.bootstrap-admin.username} is set, that account is created (or, when it exists,
 * re-enabled as ADMIN). Once an ADMIN exists the settings are ignored, so rotating them changes nothing.
 */
@Component
public class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final StaffAccountProperties props;
    private final StaffAccounts accounts;
    private final PasswordHashes hashes;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Transactions tx;
    private final Clock clock;

    public BootstrapAdmin(
            StaffAccountProperties props,
            StaffAccounts accounts,
            PasswordHashes hashes,
            AuditTrail audit,
            IdGenerator ids,
            Transactions tx,
            Clock clock) {
        this.props = props;
        this.accounts = accounts;
        this.hashes = hashes;
        this.audit = audit;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAnAdmin();
    }

    /** True when it created or restored the configured ADMIN. */
    public boolean ensureAnAdmin() {
        StaffAccountProperties.BootstrapAdmin admin = props.getBootstrapAdmin();
        if (admin.getUsername() == null || admin.getUsername().isBlank()) {
            return false;
        }
        String name = Credentials.checkUsername(admin.getUsername());
        String hash;
        if (admin.getPasswordHash() != null && !admin.getPasswordHash().isBlank()) {
            hash = admin.getPasswordHash().strip();
        } else if (admin.getPassword() != null && !admin.getPassword().isBlank()) {
            Credentials.checkPassword(admin.getPassword(), name);
            hash = hashes.hash(admin.getPassword());
        } else {
            throw new IllegalStateException("platform.staff.bootstrap-admin.username is set without password or"
                    + " password-hash (PLATFORM_STAFF_BOOTSTRAP_ADMIN_PASSWORD)");
        }
        return tx.inTransaction(() -> {
            if (accounts.lockActiveAdmins() > 0) {
                return false;
            }
            Instant now = clock.instant();
            StaffAccount created = accounts.byUsername(name)
                    .map(existing -> existing.withRoles(Set.of(StaffRole.ADMIN), now)
                            .withDisabled(false, now)
                            .withPasswordHash(hash, now))
                    .orElseGet(() ->
                            new StaffAccount(ids.nextId(), name, hash, Set.of(StaffRole.ADMIN), false, now, now, now));
            if (accounts.byUsername(name).isPresent()) {
                accounts.save(created);
            } else if (!accounts.add(created)) {
                return false; // another instance created it meanwhile
            }
            audit.append(new AuditRecord(
                    ids.nextId(),
                    0,
                    "STAFF_BOOTSTRAP_ADMIN",
                    "STAFF",
                    Long.toString(created.id()),
                    null,
                    "{\"username\":\"" + name + "\",\"roles\":[\"ADMIN\"]}",
                    "no enabled ADMIN existed at start",
                    null,
                    now));
            log.info("created the bootstrap ADMIN account {}", name);
            return true;
        });
    }
}
