package com.fenxiao.commission.rule.application;

import com.fenxiao.commission.approval.domain.ApprovalKind;
import com.fenxiao.commission.rule.domain.RuleChange;
import com.fenxiao.commission.rule.domain.RuleRefused;
import com.fenxiao.commission.rule.domain.RuleVersion;
import com.fenxiao.commission.rule.domain.RuleVersions;
import com.fenxiao.common.approval.ApprovalRequest;
import com.fenxiao.common.approval.Approvals;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.id.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Another staff member approves or rejects a rule change. An approved change becomes a new rule
 * version effective from the approval, in the transaction of the approval and its audit entry: orders
 * paid from then on use it, orders paid before keep the rates they were paid under.
 */
@Service
public class DecideRuleChange {

    private final Approvals approvals;
    private final RuleVersions versions;
    private final CurrentRules rules;
    private final IdGenerator ids;
    private final Clock clock;

    public DecideRuleChange(
            Approvals approvals, RuleVersions versions, CurrentRules rules, IdGenerator ids, Clock clock) {
        this.approvals = approvals;
        this.versions = versions;
        this.rules = rules;
        this.ids = ids;
        this.clock = clock;
    }

    public ApprovalRequest decide(long approvalId, boolean approve, String note, long staffId, String requestId) {
        String kind = ApprovalKind.RULE_CHANGE.name();
        ApprovalRequest decided = approve
                ? approvals.approve(approvalId, kind, staffId, note, requestId, request -> {
                    RuleChange change = approvals.payloadOf(request, RuleChange.class);
                    try {
                        change.checkAgainst(rules.caps());
                    } catch (RuleRefused e) {
                        throw new PlatformException.Refused(e.code(), e.getMessage());
                    }
                    Instant effective = clock.instant();
                    versions.add(new RuleVersion(
                            ids.nextId(),
                            change.scope(),
                            change.scopeId(),
                            change.level1Bp(),
                            change.level2Bp(),
                            change.level2Enabled(),
                            change.commissionable(),
                            change.qualification(),
                            effective,
                            request.id()));
                    return null; // audited as the approval of the request, whose payload is the change
                })
                : approvals.reject(approvalId, kind, staffId, note, requestId);
        rules.book();
        return decided;
    }
}
