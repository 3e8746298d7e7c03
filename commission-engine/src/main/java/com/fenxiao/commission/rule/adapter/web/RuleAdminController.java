package com.fenxiao.commission.rule.adapter.web;

import com.fenxiao.commission.approval.domain.ApprovalKind;
import com.fenxiao.commission.rule.application.CurrentRules;
import com.fenxiao.commission.rule.application.DecideRuleChange;
import com.fenxiao.commission.rule.application.RequestRuleChange;
import com.fenxiao.commission.rule.domain.RuleBook;
import com.fenxiao.commission.rule.domain.RuleChange;
import com.fenxiao.commission.rule.domain.RuleRefused;
import com.fenxiao.commission.rule.domain.RuleScope;
import com.fenxiao.commission.rule.domain.RuleVersion;
import com.fenxiao.commission.web.ApprovalView;
import com.fenxiao.commission.web.DecisionBody;
import com.fenxiao.commission.web.WebRequests;
import com.fenxiao.common.approval.ApprovalStatus;
import com.fenxiao.common.approval.Approvals;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/v1/rules}: the rules in force, and changes to them through maker-checker (one staff
 * member requests, another approves; the change applies to orders paid after the approval).
 */
@RestController
@RequestMapping("/admin/v1/rules")
class RuleAdminController {

    private static final StaffRole[] READERS = {StaffRole.OPS, StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN};
    private static final StaffRole[] EDITORS = {StaffRole.OPS, StaffRole.ADMIN};

    private final CurrentRules rules;
    private final RequestRuleChange requestChange;
    private final DecideRuleChange decideChange;
    private final Approvals approvals;
    private final Clock clock;

    RuleAdminController(
            CurrentRules rules,
            RequestRuleChange requestChange,
            DecideRuleChange decideChange,
            Approvals approvals,
            Clock clock) {
        this.rules = rules;
        this.requestChange = requestChange;
        this.decideChange = decideChange;
        this.approvals = approvals;
        this.clock = clock;
    }

    @GetMapping
    RulesView current(CallerIdentity caller) {
        caller.requireStaff(READERS);
        RuleBook book = rules.book();
        Instant now = clock.instant();
        List<RuleVersion> inForce = book.versions().stream()
                .filter(v -> Objects.equals(book.inForce(v.scope(), v.scopeId(), now), v))
                .toList();
        return new RulesView(
                book.ratesFor("*", null, now).level1Bp(),
                book.ratesFor("*", null, now).level2Bp(),
                book.level2Enabled(now),
                book.caps().level1MaxBp(),
                book.caps().level2MaxBp(),
                inForce.stream().map(RulesView.VersionView::of).toList(),
                book.versions().stream().map(RulesView.VersionView::of).toList());
    }

    @PostMapping("/change-requests")
    @ResponseStatus(HttpStatus.CREATED)
    ApprovalView request(CallerIdentity caller, @Valid @RequestBody RuleChangeBody body) {
        long staff = caller.requireStaff(EDITORS);
        RuleChange change;
        try {
            change = new RuleChange(
                    scopeOf(body.scope()),
                    body.scopeId(),
                    body.level1Bp(),
                    body.level2Bp(),
                    body.level2Enabled(),
                    body.commissionable() == null || body.commissionable(),
                    body.qualification() != null && body.qualification());
        } catch (RuleRefused e) {
            throw new PlatformException.InvalidRequest(e.code(), e.getMessage());
        }
        return ApprovalView.of(requestChange.request(change, body.reason(), staff, WebRequests.requestId()));
    }

    @GetMapping("/change-requests")
    ApprovalView.Page requests(
            CallerIdentity caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer size) {
        caller.requireStaff(READERS);
        int n = WebRequests.pageSize(size);
        return ApprovalView.Page.of(
                approvals.list(ApprovalKind.RULE_CHANGE.name(), statusOf(status), WebRequests.cursor(cursor), n + 1),
                n);
    }

    @PostMapping("/change-requests/{id}/approve")
    ApprovalView approve(
            CallerIdentity caller, @PathVariable long id, @Valid @RequestBody(required = false) DecisionBody body) {
        long staff = caller.requireStaff(EDITORS);
        return ApprovalView.of(decideChange.decide(id, true, note(body), staff, WebRequests.requestId()));
    }

    @PostMapping("/change-requests/{id}/reject")
    ApprovalView reject(
            CallerIdentity caller, @PathVariable long id, @Valid @RequestBody(required = false) DecisionBody body) {
        long staff = caller.requireStaff(EDITORS);
        return ApprovalView.of(decideChange.decide(id, false, note(body), staff, WebRequests.requestId()));
    }

    private static String note(DecisionBody body) {
        return body == null ? null : body.note();
    }

    private static RuleScope scopeOf(String scope) {
        try {
            return RuleScope.valueOf(scope.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlatformException.InvalidRequest(
                    ErrorCodes.INVALID_PARAMETER, "scope 须为 DEFAULT、PRODUCT 或 CATEGORY");
        }
    }

    static ApprovalStatus statusOf(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ApprovalStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "status 无效: " + status);
        }
    }
}
