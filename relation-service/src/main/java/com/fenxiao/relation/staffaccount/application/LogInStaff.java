package com.fenxiao.relation.staffaccount.application;

import com.fenxiao.common.audit.AuditRecord;
import com.fenxiao.common.audit.AuditTrail;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.SecurityProperties;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.common.security.Tokens;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.staffaccount.domain.Credentials;
import com.fenxiao.relation.staffaccount.domain.LoginGuard;
import com.fenxiao.relation.staffaccount.domain.LoginGuards;
import com.fenxiao.relation.staffaccount.domain.PasswordHashes;
import com.fenxiao.relation.staffaccount.domain.StaffAccount;
import com.fenxiao.relation.staffaccount.domain.StaffAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Staff log in with username and password for a short-lived staff token carrying their roles. A wrong
 * password, an unknown username and a disabled account all answer the same {@code LOGIN_FAILED};
 * repeated failures lock the username ({@code ACCOUNT_LOCKED}) whether or not it exists.
 */
@Service
public class LogInStaff {

    public record Result(String token, long expiresInSeconds, long staffId, Set<StaffRole> roles) {}

    private enum Outcome {
        SUCCESS,
        FAILED,
        LOCKED
    }

    private final StaffAccounts accounts;
    private final LoginGuards guards;
    private final PasswordHashes hashes;
    private final Tokens.Issuer tokens;
    private final SecurityProperties security;
    private final LoginGuard.Policy policy;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Transactions tx;
    private final Clock clock;

    public LogInStaff(
            StaffAccounts accounts,
            LoginGuards guards,
            PasswordHashes hashes,
            Tokens.Issuer tokens,
            SecurityProperties security,
            StaffAccountProperties props,
            AuditTrail audit,
            IdGenerator ids,
            Transactions tx,
            Clock clock) {
        this.accounts = accounts;
        this.guards = guards;
        this.hashes = hashes;
        this.tokens = tokens;
        this.security = security;
        this.policy = new LoginGuard.Policy(
                props.getLockout().getMaxAttempts(),
                props.getLockout().getWindow(),
                props.getLockout().getLockFor());
        this.audit = audit;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
    }

    public Result login(String username, String password, String requestId) {
        String name = Credentials.normaliseUsername(username);
        if (name.isEmpty() || name.length() > 64 || password == null) {
            hashes.spendComparableTime(password == null ? "" : password);
            throw StaffRefusals.loginFailed();
        }
        StaffAccount[] found = new StaffAccount[1];
        // the guard row is locked while the password is checked, so parallel guesses are counted one by one
        Outcome outcome = tx.inTransaction(() -> {
            Instant now = clock.instant();
            LoginGuard guard = guards.lock(name, now);
            if (guard.isLocked(now)) {
                return Outcome.LOCKED;
            }
            Optional<StaffAccount> account = accounts.byUsername(name);
            boolean ok;
            if (account.isPresent()) {
                ok = hashes.matches(password, account.get().passwordHash())
                        && !account.get().disabled();
            } else {
                hashes.spendComparableTime(password);
                ok = false;
            }
            if (ok) {
                if (guard.failedAttempts() > 0 || guard.lockedUntil() != null) {
                    guards.clear(name);
                }
                found[0] = account.get();
                return Outcome.SUCCESS;
            }
            LoginGuard after = guard.afterFailure(policy, now);
            guards.save(after, now);
            if (after.isLocked(now) && account.isPresent()) {
                audit.append(new AuditRecord(
                        ids.nextId(),
                        0,
                        "STAFF_LOCKED",
                        "STAFF",
                        Long.toString(account.get().id()),
                        null,
                        "{\"lockedUntil\":\"" + after.lockedUntil() + "\"}",
                        policy.maxAttempts() + " failed logins within " + policy.window(),
                        requestId,
                        now));
            }
            return Outcome.FAILED;
        });
        if (outcome == Outcome.LOCKED) {
            throw StaffRefusals.locked();
        }
        if (outcome == Outcome.FAILED) {
            throw StaffRefusals.loginFailed();
        }
        StaffAccount staff = found[0];
        Tokens.Grant grant =
                tokens.issue(CallerIdentity.staff(staff.id(), staff.roles(), null), security.getStaffTokenTtl());
        return new Result(grant.token(), security.getStaffTokenTtl().toSeconds(), staff.id(), staff.roles());
    }
}
