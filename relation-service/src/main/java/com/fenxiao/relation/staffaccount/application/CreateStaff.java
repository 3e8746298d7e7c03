package com.fenxiao.relation.staffaccount.application;

import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.staff.application.RecordAudit;
import com.fenxiao.relation.staffaccount.domain.Credentials;
import com.fenxiao.relation.staffaccount.domain.PasswordHashes;
import com.fenxiao.relation.staffaccount.domain.StaffAccount;
import com.fenxiao.relation.staffaccount.domain.StaffAccounts;
import com.fenxiao.relation.staffaccount.domain.StaffRefused;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** An ADMIN creates a staff account with its roles and a first password; audited. */
@Service
public class CreateStaff {

    private final StaffAccounts accounts;
    private final PasswordHashes hashes;
    private final RecordAudit audit;
    private final IdGenerator ids;
    private final Transactions tx;
    private final Clock clock;

    public CreateStaff(
            StaffAccounts accounts,
            PasswordHashes hashes,
            RecordAudit audit,
            IdGenerator ids,
            Transactions tx,
            Clock clock) {
        this.accounts = accounts;
        this.hashes = hashes;
        this.audit = audit;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
    }

    public StaffAccount create(long adminId, String username, String password, Set<StaffRole> roles, String requestId) {
        String name;
        try {
            name = Credentials.checkUsername(username);
            Credentials.checkPassword(password, name);
            if (roles == null || roles.isEmpty()) {
                throw new StaffRefused(StaffRefused.ROLES_REQUIRED, "至少选择一个角色");
            }
        } catch (StaffRefused e) {
            throw StaffRefusals.of(e);
        }
        String hash = hashes.hash(password);
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            StaffAccount account = new StaffAccount(ids.nextId(), name, hash, roles, false, now, now, now);
            if (!accounts.add(account)) {
                throw new com.fenxiao.common.error.PlatformException.Refused(StaffRefusals.USERNAME_TAKEN, "用户名已被使用");
            }
            audit.record(
                    adminId,
                    "STAFF_CREATED",
                    "STAFF",
                    account.id(),
                    null,
                    Map.of("username", name, "roles", StaffViewsSupport.roleNames(roles), "disabled", false),
                    null,
                    requestId,
                    now);
            return account;
        });
    }
}
