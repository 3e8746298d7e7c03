package com.fenxiao.withdrawal.payout.adapter.web;

import com.fenxiao.withdrawal.payout.domain.ConfirmationResult;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/v1/me/withdrawals/{id}/confirmation: how wx.requestMerchantTransfer ended in the mini-program. */
public record ConfirmationBody(
        @Schema(
                        description =
                                "CONFIRMED (success callback), CANCELLED (member closed the page), FAILED (fail callback)")
                @NotNull
                ConfirmationResult result,
        @Schema(description = "errMsg of the wx callback, kept in the withdrawal's history") @Size(max = 512)
                String errMsg) {}
