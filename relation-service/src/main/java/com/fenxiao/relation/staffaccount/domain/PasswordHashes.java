package com.fenxiao.relation.staffaccount.domain;

/** One-way password hashing (BCrypt in production). */
public interface PasswordHashes {

    String hash(String password);

    boolean matches(String password, String hash);

    /** Spends the time of a real check, so an unknown username answers no faster than a known one. */
    void spendComparableTime(String password);
}
