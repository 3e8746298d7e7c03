package com.fenxiao.relation.staffaccount.domain;

public interface LoginGuards {

    /** The guard of that username, locked for the rest of the transaction; a fresh one when none is stored. */
    LoginGuard lock(String username, java.time.Instant now);

    void save(LoginGuard guard, java.time.Instant now);

    void clear(String username);
}
