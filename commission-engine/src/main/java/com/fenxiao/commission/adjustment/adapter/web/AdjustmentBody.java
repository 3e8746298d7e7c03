package com.fenxiao.commission.adjustment.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A requested manual adjustment: signed fen to add to a pending commission, and why. */
public record AdjustmentBody(@NotNull Long deltaFen, @NotBlank @Size(max = 500) String reason) {}
