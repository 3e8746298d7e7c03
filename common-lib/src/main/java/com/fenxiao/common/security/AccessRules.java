package com.fenxiao.common.security;

/**
 * Which paths need which caller. Shared by the gateway and every service, so both layers refuse
 * the same requests. Anything not listed needs no token (health, docs) or is guarded by its own
 * scheme ({@code /integration/**}: HMAC; {@code /internal/**}: not routed by the gateway).
 */
public final class AccessRules {

    public enum Need {
        NONE,
        MEMBER,
        STAFF
    }

    private AccessRules() {}

    public static Need of(String path) {
        if (path.startsWith("/api/v1/auth/")) {
            return Need.NONE;
        }
        if (path.startsWith("/api/")) {
            return Need.MEMBER;
        }
        if (path.startsWith("/admin/v1/auth/")) {
            return Need.NONE;
        }
        if (path.startsWith("/admin/")) {
            return Need.STAFF;
        }
        return Need.NONE;
    }
}
