package com.fenxiao.withdrawal.request.application;

import com.fenxiao.common.event.PlatformEvent;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalApproved;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalFailed;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalPaid;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalRejected;
import com.fenxiao.common.event.withdrawal.v1.WithdrawalRequested;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import java.time.Instant;

/** The withdrawal.v1 contracts, filled from a withdrawal as it is after the step they announce. */
final class WithdrawalEvents {

    private WithdrawalEvents() {}

    static PlatformEvent requested(Withdrawal w, Instant at) {
        return new WithdrawalRequested(
                w.id(),
                w.promoterId(),
                w.channel().name(),
                w.amountFen(),
                w.feeFen(),
                w.taxFen(),
                w.netFen(),
                w.status().name(),
                w.reason(),
                at);
    }

    static PlatformEvent approved(Withdrawal w, Instant at) {
        return new WithdrawalApproved(
                w.id(),
                w.promoterId(),
                w.channel().name(),
                w.amountFen(),
                w.feeFen(),
                w.taxFen(),
                w.netFen(),
                w.status().name(),
                w.reason(),
                at);
    }

    static PlatformEvent rejected(Withdrawal w, Instant at) {
        return new WithdrawalRejected(
                w.id(),
                w.promoterId(),
                w.channel().name(),
                w.amountFen(),
                w.feeFen(),
                w.taxFen(),
                w.netFen(),
                w.status().name(),
                w.reason(),
                at);
    }

    static PlatformEvent paid(Withdrawal w, Instant at) {
        return new WithdrawalPaid(
                w.id(),
                w.promoterId(),
                w.channel().name(),
                w.amountFen(),
                w.feeFen(),
                w.taxFen(),
                w.netFen(),
                w.status().name(),
                w.reason(),
                at);
    }

    static PlatformEvent failed(Withdrawal w, Instant at) {
        return new WithdrawalFailed(
                w.id(),
                w.promoterId(),
                w.channel().name(),
                w.amountFen(),
                w.feeFen(),
                w.taxFen(),
                w.netFen(),
                w.status().name(),
                w.reason(),
                at);
    }
}
