package com.fenxiao.withdrawal.request.adapter.web;

import com.fenxiao.withdrawal.request.domain.Withdrawal;
import java.time.Instant;

/**
 * A withdrawal as its member and staff see it; ids as strings (JavaScript precision). {@code packageInfo}
 * is what the mini-program passes to {@code wx.requestMerchantTransfer} while the bill awaits confirmation.
 */
public record WithdrawalView(
        String id,
        String promoterId,
        String status,
        String channel,
        long amountFen,
        long feeFen,
        long taxFen,
        long netFen,
        String reason,
        String packageInfo,
        String bankReference,
        Instant createdAt,
        Instant paidAt) {

    static WithdrawalView of(Withdrawal w) {
        return new WithdrawalView(
                Long.toString(w.id()),
                Long.toString(w.promoterId()),
                w.status().name(),
                w.channel().name(),
                w.amountFen(),
                w.feeFen(),
                w.taxFen(),
                w.netFen(),
                w.reason(),
                "WAIT_USER_CONFIRM".equals(w.billState()) ? w.packageInfo() : null,
                w.bankReference(),
                w.createdAt(),
                w.paidAt());
    }
}
