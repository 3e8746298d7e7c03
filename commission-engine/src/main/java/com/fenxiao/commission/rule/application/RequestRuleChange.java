package com.fenxiao.commission.rule.application;

import com.fenxiao.commission.approval.domain.ApprovalKind;
import com.fenxiao.commission.rule.domain.RuleChange;
import com.fenxiao.commission.rule.domain.RuleRefused;
import com.fenxiao.common.approval.ApprovalRequest;
import com.fenxiao.common.approval.Approvals;
import com.fenxiao.common.error.PlatformException;
import org.springframework.stereotype.Service;

/** A staff member asks for a rule change; nothing changes until another approves it. */
@Service
public class RequestRuleChange {

    private final Approvals approvals;
    private final CurrentRules rules;

    public RequestRuleChange(Approvals approvals, CurrentRules rules) {
        this.approvals = approvals;
        this.rules = rules;
    }

    public ApprovalRequest request(RuleChange change, String reason, long staffId, String requestId) {
        try {
            change.checkAgainst(rules.caps());
        } catch (RuleRefused e) {
            throw new PlatformException.InvalidRequest(e.code(), e.getMessage());
        }
        return approvals.request(
                ApprovalKind.RULE_CHANGE.name(),
                change.scope() + ":" + change.scopeId(),
                change,
                reason,
                staffId,
                requestId);
    }
}
