package com.fenxiao.relation.staffaccount.domain;

/** A staff-account rule refused the change; {@code code} is the stable problem code. */
public class StaffRefused extends RuntimeException {

    public static final String PASSWORD_TOO_WEAK = "PASSWORD_TOO_WEAK";
    public static final String USERNAME_INVALID = "USERNAME_INVALID";
    public static final String ROLES_REQUIRED = "ROLES_REQUIRED";

    private final String code;

    public StaffRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
