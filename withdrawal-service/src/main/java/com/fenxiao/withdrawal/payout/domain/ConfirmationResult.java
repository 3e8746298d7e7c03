package com.fenxiao.withdrawal.payout.domain;

/**
 * What the member's mini-program says {@code wx.requestMerchantTransfer} ended with: the member confirmed
 * (success callback), cancelled the confirmation page, or the call failed. A report only: the money moves
 * on WeChat Pay's own bill state (query or callback), never on this.
 */
public enum ConfirmationResult {
    CONFIRMED,
    CANCELLED,
    FAILED
}
