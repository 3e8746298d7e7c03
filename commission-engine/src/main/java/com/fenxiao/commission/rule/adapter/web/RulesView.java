package com.fenxiao.commission.rule.adapter.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fenxiao.commission.rule.domain.RuleVersion;
import java.time.Instant;
import java.util.List;

/** The rules in force now, and every version (history) with when it took effect. */
public record RulesView(
        int level1Bp,
        int level2Bp,
        boolean level2Enabled,
        int level1MaxBp,
        int level2MaxBp,
        List<VersionView> inForce,
        List<VersionView> history) {

    public record VersionView(
            @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
            String scope,
            String scopeId,
            Integer level1Bp,
            Integer level2Bp,
            Boolean level2Enabled,
            boolean commissionable,
            boolean qualification,
            Instant effectiveFrom,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Long approvalId) {

        static VersionView of(RuleVersion v) {
            return new VersionView(
                    v.id(),
                    v.scope().name(),
                    v.scopeId(),
                    v.level1Bp(),
                    v.level2Bp(),
                    v.level2Enabled(),
                    v.commissionable(),
                    v.qualification(),
                    v.effectiveFrom(),
                    v.approvalId());
        }
    }
}
