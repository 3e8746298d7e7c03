package com.fenxiao.withdrawal.request.adapter.web;

import com.fenxiao.withdrawal.request.domain.Channel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** POST /api/v1/me/withdrawals and …/quote. */
public record WithdrawalBody(@NotNull @Positive Long amountFen, @NotNull Channel channel) {}
