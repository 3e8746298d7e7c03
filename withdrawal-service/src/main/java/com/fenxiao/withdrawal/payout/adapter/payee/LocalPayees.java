package com.fenxiao.withdrawal.payout.adapter.payee;

import com.fenxiao.withdrawal.payout.domain.Payees;

/**
 * Local and test stand-in: a member's openid derived from the member id, as the local login stand-in
 * of relation-service would assign one. A deployment declares a {@link Payees} bean that asks the
 * member directory instead.
 */
public class LocalPayees implements Payees {

    @Override
    public String openidOf(long memberId) {
        return "o-local-" + memberId;
    }
}
