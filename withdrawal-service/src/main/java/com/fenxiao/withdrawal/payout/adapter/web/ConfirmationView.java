package com.fenxiao.withdrawal.payout.adapter.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fenxiao.withdrawal.payout.application.TransferConfirmation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * GET /api/v1/me/withdrawals/{id}/confirmation: {@code mchId}, {@code appId} and {@code package} are the
 * arguments of {@code wx.requestMerchantTransfer} as they are named there.
 */
public record ConfirmationView(
        String withdrawalId,
        @Schema(description = "WeChat Pay merchant id (wx.requestMerchantTransfer mchId)") String mchId,
        @Schema(description = "the mini-program's appid the bill was created under") String appId,
        @Schema(description = "the bill's package_info (wx.requestMerchantTransfer package)") @JsonProperty("package")
                String packageInfo,
        @Schema(description = "until when the member can confirm; then the bill closes and the funds return")
                Instant expiresAt) {

    static ConfirmationView of(TransferConfirmation c) {
        return new ConfirmationView(
                Long.toString(c.withdrawalId()), c.mchId(), c.appId(), c.packageInfo(), c.expiresAt());
    }
}
