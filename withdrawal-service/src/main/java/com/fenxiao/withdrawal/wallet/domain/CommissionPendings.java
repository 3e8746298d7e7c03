package com.fenxiao.withdrawal.wallet.domain;

import java.util.Optional;

/** The wallet's per-commission memory; used under the wallet row's lock, inside its transaction. */
public interface CommissionPendings {

    Optional<CommissionPending> find(long promoterId, long commissionId);

    void save(CommissionPending pending);
}
