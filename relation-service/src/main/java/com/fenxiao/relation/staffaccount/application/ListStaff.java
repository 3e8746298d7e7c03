package com.fenxiao.relation.staffaccount.application;

import com.fenxiao.relation.staffaccount.domain.StaffAccount;
import com.fenxiao.relation.staffaccount.domain.StaffAccounts;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class ListStaff {

    private final StaffAccounts accounts;

    public ListStaff(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    public List<StaffAccount> list(Long afterId, int size) {
        return accounts.list(afterId, size);
    }
}
