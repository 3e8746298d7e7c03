package com.fenxiao.relation.staffaccount.application;

import com.fenxiao.common.security.StaffRole;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.staff.application.RecordAudit;
import com.fenxiao.relation.staffaccount.domain.Credentials;
import com.fenxiao.relation.staffaccount.domain.LoginGuards;
import com.fenxiao.relation.staffaccount.domain.PasswordHashes;
import com.fenxiao.relation.staffaccount.domain.StaffAccount;
import com.fenxiao.relation.staffaccount.domain.StaffAccounts;
import com.fenxiao.relation.staffaccount.domain.StaffRefused;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * An ADMIN changes a staff account: its roles, enabled or disabled, or a new password (which also lifts
 * a lock-out). Every change is audited with before and after; the last enabled ADMIN cannot be removed.
 * Tokens already issued stay valid until they expire (at most the staff token lifetime).
 */
@Service
public class ChangeStaff {

    private final StaffAccounts accounts;
    private final LoginGuards guards;
    private final PasswordHashes hashes;
    private final RecordAudit audit;
    private final Transactions tx;
    private final Clock clock;

    public ChangeStaff(
            StaffAccounts accounts,
            LoginGuards guards,
            PasswordHashes hashes,
            RecordAudit audit,
            Transactions tx,
            Clock clock) {
        this.accounts = accounts;
        this.guards = guards;
        this.hashes = hashes;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public StaffAccount changeRoles(long adminId, long staffId, Set<StaffRole> roles, String reason, String requestId) {
        if (roles == null || roles.isEmpty()) {
            throw StaffRefusals.of(new StaffRefused(StaffRefused.ROLES_REQUIRED, "至少选择一个角色"));
        }
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            StaffAccount before = accounts.lock(staffId).orElseThrow(StaffRefusals::notFound);
            StaffAccount after = before.withRoles(roles, now);
            keepAnAdmin(before, after);
            accounts.save(after);
            audit.record(
                    adminId,
                    "STAFF_ROLES_CHANGED",
                    "STAFF",
                    staffId,
                    Map.of("roles", StaffViewsSupport.roleNames(before.roles())),
                    Map.of("roles", StaffViewsSupport.roleNames(after.roles())),
                    reason,
                    requestId,
                    now);
            return after;
        });
    }

    public StaffAccount setDisabled(long adminId, long staffId, boolean disabled, String reason, String requestId) {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            StaffAccount before = accounts.lock(staffId).orElseThrow(StaffRefusals::notFound);
            StaffAccount after = before.withDisabled(disabled, now);
            keepAnAdmin(before, after);
            accounts.save(after);
            audit.record(
                    adminId,
                    disabled ? "STAFF_DISABLED" : "STAFF_ENABLED",
                    "STAFF",
                    staffId,
                    Map.of("disabled", before.disabled()),
                    Map.of("disabled", after.disabled()),
                    reason,
                    requestId,
                    now);
            return after;
        });
    }

    public StaffAccount resetPassword(long adminId, long staffId, String password, String reason, String requestId) {
        StaffAccount current = accounts.byId(staffId).orElseThrow(StaffRefusals::notFound);
        try {
            Credentials.checkPassword(password, current.username());
        } catch (StaffRefused e) {
            throw StaffRefusals.of(e);
        }
        String hash = hashes.hash(password);
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            StaffAccount before = accounts.lock(staffId).orElseThrow(StaffRefusals::notFound);
            StaffAccount after = before.withPasswordHash(hash, now);
            accounts.save(after);
            guards.clear(before.username());
            // never the hash itself: only that it changed, and when
            audit.record(
                    adminId,
                    "STAFF_PASSWORD_RESET",
                    "STAFF",
                    staffId,
                    Map.of("passwordChangedAt", before.passwordChangedAt().toString()),
                    Map.of("passwordChangedAt", after.passwordChangedAt().toString()),
                    reason,
                    requestId,
                    now);
            return after;
        });
    }

    private void keepAnAdmin(StaffAccount before, StaffAccount after) {
        if (before.isActiveAdmin() && !after.isActiveAdmin() && accounts.lockActiveAdmins() <= 1) {
            throw StaffRefusals.lastAdmin();
        }
    }
}
