package com.fenxiao.common.security;

/** Staff roles of SPEC §8. AUDITOR reads only. */
public enum StaffRole {
    OPS,
    FINANCE,
    AUDITOR,
    ADMIN
}
