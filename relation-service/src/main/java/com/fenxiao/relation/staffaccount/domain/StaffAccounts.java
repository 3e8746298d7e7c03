package com.fenxiao.relation.staffaccount.domain;

import java.util.List;
import java.util.Optional;

public interface StaffAccounts {

    /** False when the username is taken. */
    boolean add(StaffAccount account);

    void save(StaffAccount account);

    Optional<StaffAccount> byUsername(String username);

    Optional<StaffAccount> byId(long id);

    /** Locks the account for the rest of the transaction. */
    Optional<StaffAccount> lock(long id);

    /** Enabled accounts holding ADMIN, locked for the rest of the transaction (so two admins cannot race). */
    int lockActiveAdmins();

    /** Ordered by id; {@code afterId} is the cursor (exclusive). */
    List<StaffAccount> list(Long afterId, int size);
}
