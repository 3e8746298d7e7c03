package com.fenxiao.relation.staffaccount.domain;

import com.fenxiao.common.security.StaffRole;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A staff member who logs in to the console (SPEC §8). The password is only ever held as a hash. */
public record StaffAccount(
        long id,
        String username,
        String passwordHash,
        Set<StaffRole> roles,
        boolean disabled,
        Instant passwordChangedAt,
        Instant createdAt,
        Instant updatedAt) {

    public StaffAccount {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean isActiveAdmin() {
        return !disabled && roles.contains(StaffRole.ADMIN);
    }

    public StaffAccount withRoles(Set<StaffRole> newRoles, Instant now) {
        return new StaffAccount(id, username, passwordHash, newRoles, disabled, passwordChangedAt, createdAt, now);
    }

    public StaffAccount withDisabled(boolean value, Instant now) {
        return new StaffAccount(id, username, passwordHash, roles, value, passwordChangedAt, createdAt, now);
    }

    public StaffAccount withPasswordHash(String hash, Instant now) {
        return new StaffAccount(id, username, hash, roles, disabled, now, createdAt, now);
    }
}
