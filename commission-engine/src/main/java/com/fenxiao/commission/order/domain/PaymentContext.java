package com.fenxiao.commission.order.domain;

import com.fenxiao.commission.chain.domain.ChainAtPayment;
import com.fenxiao.commission.member.domain.MemberStanding;
import com.fenxiao.commission.rule.domain.ItemRates;
import java.time.Instant;

/** What a payment is computed against; the application fills it with batched look-ups. */
public interface PaymentContext {

    ItemRates ratesFor(String productId, String categoryId, Instant paidAt);

    boolean level2Enabled(Instant paidAt);

    long ruleVersion();

    ChainAtPayment.Resolved chainOf(long buyerId, Instant paidAt);

    MemberStanding standingOf(long userId);

    long nextCommissionId();
}
