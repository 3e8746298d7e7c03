package com.fenxiao.commission.rule.application;

import com.fenxiao.commission.approval.application.MakerChecker;
import com.fenxiao.commission.approval.domain.ApprovalKind;
import com.fenxiao.commission.approval.domain.ApprovalRequest;
import com.fenxiao.commission.rule.domain.RuleChange;
import com.fenxiao.commission.rule.domain.RuleRefused;
import com.fenxiao.common.error.PlatformException;
import org.springframework.stereotype.Service;

/** A staff member asks for a rule change; nothing changes until another approves it. */
@Service
public class RequestRuleChange {

    private final MakerChecker makerChecker;
    private final CurrentRules rules;

    public RequestRuleChange(MakerChecker makerChecker, CurrentRules rules) {
        this.makerChecker = makerChecker;
        this.rules = rules;
    }

    public ApprovalRequest request(RuleChange change, String reason, long staffId, String requestId) {
        try {
            change.checkAgainst(rules.caps());
        } catch (RuleRefused e) {
            throw new PlatformException.InvalidRequest(e.code(), e.getMessage());
        }
        return makerChecker.request(
                ApprovalKind.RULE_CHANGE, change.scope() + ":" + change.scopeId(), change, reason, staffId, requestId);
    }
}
