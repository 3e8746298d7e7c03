package com.fenxiao.commission.member.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record PromoterStandingBody(@NotNull Boolean disabled, @NotBlank @Size(max = 500) String reason) {}
