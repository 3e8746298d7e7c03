package com.fenxiao.commission.rule.domain;

import java.time.Instant;

/**
 * One approved version of a rule, in force for orders paid at or after {@code effectiveFrom} until the
 * next version of the same scope. Rates left null inherit (product → category → defaults).
 * {@code level2Enabled} is only meaningful on the DEFAULT scope (SPEC §2.7). A "distribution
 * qualification" product (SPEC §2.2) never earns commission, whatever else the version says.
 */
public record RuleVersion(
        long id,
        RuleScope scope,
        String scopeId,
        Integer level1Bp,
        Integer level2Bp,
        Boolean level2Enabled,
        boolean commissionable,
        boolean qualification,
        Instant effectiveFrom,
        Long approvalId) {

    public static final String ALL = "*";

    public String label() {
        return scope == RuleScope.DEFAULT ? "DEFAULT#" + id : scope + ":" + scopeId + "#" + id;
    }
}
