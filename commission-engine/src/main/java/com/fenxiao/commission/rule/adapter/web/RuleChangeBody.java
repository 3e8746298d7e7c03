package com.fenxiao.commission.rule.adapter.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A rule change request: the whole new version of one scope. {@code scope} DEFAULT needs both rates
 * (and may set {@code level2Enabled}); PRODUCT and CATEGORY name their id and may leave rates null to
 * inherit; {@code commissionable=false} or {@code qualification=true} makes a product earn nothing.
 */
public record RuleChangeBody(
        @NotNull String scope,
        @Size(max = 64) String scopeId,
        @Min(0) @Max(10_000) Integer level1Bp,
        @Min(0) @Max(10_000) Integer level2Bp,
        Boolean level2Enabled,
        Boolean commissionable,
        Boolean qualification,
        @NotBlank @Size(max = 500) String reason) {}
