package com.fenxiao.relation.staffaccount.adapter.web;

import com.fenxiao.relation.staffaccount.domain.StaffAccount;
import java.time.Instant;
import java.util.List;

/** A staff account as admins see it: never the password hash. */
record StaffAccountView(
        String id,
        String username,
        List<String> roles,
        boolean disabled,
        Instant passwordChangedAt,
        Instant createdAt,
        Instant updatedAt) {

    static StaffAccountView of(StaffAccount a) {
        return new StaffAccountView(
                Long.toString(a.id()),
                a.username(),
                a.roles().stream().map(Enum::name).sorted().toList(),
                a.disabled(),
                a.passwordChangedAt(),
                a.createdAt(),
                a.updatedAt());
    }

    record Page(List<StaffAccountView> items, String nextCursor) {}
}
