package com.fenxiao.withdrawal.payout.domain;

/**
 * The paying merchant as the mini-program names it to {@code wx.requestMerchantTransfer}: the WeChat Pay
 * merchant id and the appid the bills are created under. Read when asked (the local fake sets them late).
 */
public interface Merchant {

    String mchId();

    String appId();
}
