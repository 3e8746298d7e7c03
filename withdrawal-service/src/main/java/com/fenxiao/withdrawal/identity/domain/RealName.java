package com.fenxiao.withdrawal.identity.domain;

/** A person's legal name; shown masked everywhere but the payout request itself. */
public record RealName(String value) {

    public RealName {
        if (value == null || value.isBlank() || value.strip().length() > 50) {
            throw new IllegalArgumentException("real name must be 1..50 characters");
        }
        value = value.strip();
    }

    /** All but the last character hidden: {@code *三}, {@code **明}. */
    public String masked() {
        return "*".repeat(value.codePointCount(0, value.length()) - 1)
                + new String(Character.toChars(value.codePointBefore(value.length())));
    }

    @Override
    public String toString() {
        return masked();
    }
}
