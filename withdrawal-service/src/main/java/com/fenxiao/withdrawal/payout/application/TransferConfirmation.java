package com.fenxiao.withdrawal.payout.application;

import java.time.Instant;

/**
 * What the mini-program passes to {@code wx.requestMerchantTransfer({mchId, appId, package})} for a bill
 * waiting for its member, and until when the member can confirm it.
 */
public record TransferConfirmation(
        long withdrawalId, String mchId, String appId, String packageInfo, String outBillNo, Instant expiresAt) {}
