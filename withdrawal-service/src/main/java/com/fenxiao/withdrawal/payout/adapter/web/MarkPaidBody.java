package com.fenxiao.withdrawal.payout.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record MarkPaidBody(@NotBlank @Size(max = 64) String bankReference) {}
