package com.fenxiao.withdrawal.identity.domain;

/**
 * Keeps ID numbers unreadable at rest: encrypted for the rare read (payout to a bank), and a keyed
 * hash for "one ID number, one account" without decrypting anything.
 */
public interface IdNumberVault {

    String encrypt(String plain);

    String decrypt(String stored);

    /** Deterministic keyed hash (the unique index), never reversible without the key. */
    String keyedHash(String plain);

    /** Whether the stored value was written with an older key and should be re-encrypted. */
    boolean needsReEncryption(String stored);
}
