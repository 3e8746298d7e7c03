package com.fenxiao.relation.staffaccount.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Username and password rules for staff accounts. */
public final class Credentials {

    public static final int MIN_PASSWORD_LENGTH = 10;
    /** BCrypt reads at most 72 bytes; longer passwords would be silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private Credentials() {}

    /** Usernames compare case-insensitively; stored and looked up lower-cased. */
    public static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public static String checkUsername(String username) {
        String u = normaliseUsername(username);
        if (!USERNAME.matcher(u).matches()) {
            throw new StaffRefused(StaffRefused.USERNAME_INVALID, "用户名须为 3 到 64 位字母、数字或 . _ -,且以字母或数字开头");
        }
        return u;
    }

    public static void checkPassword(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new StaffRefused(StaffRefused.PASSWORD_TOO_WEAK, "密码至少 " + MIN_PASSWORD_LENGTH + " 位");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new StaffRefused(StaffRefused.PASSWORD_TOO_WEAK, "密码过长(不超过 72 字节)");
        }
        if (password.isBlank() || password.strip().equalsIgnoreCase(normaliseUsername(username))) {
            throw new StaffRefused(StaffRefused.PASSWORD_TOO_WEAK, "密码不能与用户名相同");
        }
    }
}
