package com.fenxiao.relation.member.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Invite codes (SPEC §3): random, never sequential, 6–8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, U/V pairs to confuse), read case-insensitively. Uniqueness is the database's job.
 */
public final class InviteCodes {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 8;

    private final RandomGenerator random;
    private final int length;

    public InviteCodes(int length) {
        this(new SecureRandom(), length);
    }

    public InviteCodes(RandomGenerator random, int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("invite code length must be within 6..8: " + length);
        }
        this.random = random;
        this.length = length;
    }

    public String next() {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * The stored form of what a member typed or a link carried: trimmed, upper case, spaces and dashes
     * dropped. Empty when it can never be a code, so no database look-up is spent on it.
     */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (code.length() < MIN_LENGTH || code.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }
}
