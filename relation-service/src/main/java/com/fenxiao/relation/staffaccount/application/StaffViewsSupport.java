package com.fenxiao.relation.staffaccount.application;

import com.fenxiao.common.security.StaffRole;
import java.util.Collection;
import java.util.List;

final class StaffViewsSupport {

    private StaffViewsSupport() {}

    /** Role names in a stable order, for audit entries. */
    static List<String> roleNames(Collection<StaffRole> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }
}
