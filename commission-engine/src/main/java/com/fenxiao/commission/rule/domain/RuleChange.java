package com.fenxiao.commission.rule.domain;

/**
 * What a staff member asks to change. A change replaces the whole version of its scope: fields left
 * null inherit again. Checked against the caps when requested and again when approved.
 */
public record RuleChange(
        RuleScope scope,
        String scopeId,
        Integer level1Bp,
        Integer level2Bp,
        Boolean level2Enabled,
        boolean commissionable,
        boolean qualification) {

    public RuleChange {
        if (scope == null) {
            throw new RuleRefused("RULE_SCOPE_REQUIRED", "scope is required");
        }
        if (scope == RuleScope.DEFAULT) {
            scopeId = RuleVersion.ALL;
            if (level1Bp == null || level2Bp == null) {
                throw new RuleRefused(
                        "RULE_DEFAULT_RATES_REQUIRED", "the defaults need both level-1 and level-2 rates");
            }
            if (!commissionable || qualification) {
                throw new RuleRefused("RULE_INVALID", "the defaults cannot be non-commissionable");
            }
        } else {
            if (scopeId == null || scopeId.isBlank() || scopeId.length() > 64) {
                throw new RuleRefused("RULE_SCOPE_ID_REQUIRED", "a product or category rule needs its id (≤ 64 chars)");
            }
            if (level2Enabled != null) {
                throw new RuleRefused("RULE_INVALID", "the level-2 switch is global: set it on the defaults");
            }
        }
        for (Integer bp : new Integer[] {level1Bp, level2Bp}) {
            if (bp != null && (bp < 0 || bp > 10_000)) {
                throw new RuleRefused("RULE_RATE_OUT_OF_RANGE", "rates are basis points within 0..10000");
            }
        }
    }

    /** Refuses rates above the caps (RATE_ABOVE_CAP). */
    public void checkAgainst(RateCaps caps) {
        if (level1Bp != null && level1Bp > caps.level1MaxBp()) {
            throw new RuleRefused(
                    "RATE_ABOVE_CAP",
                    "level-1 rate " + level1Bp + " bp is above the cap of " + caps.level1MaxBp() + " bp");
        }
        if (level2Bp != null && level2Bp > caps.level2MaxBp()) {
            throw new RuleRefused(
                    "RATE_ABOVE_CAP",
                    "level-2 rate " + level2Bp + " bp is above the cap of " + caps.level2MaxBp() + " bp");
        }
    }
}
