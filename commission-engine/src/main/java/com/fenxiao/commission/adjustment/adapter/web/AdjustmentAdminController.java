package com.fenxiao.commission.adjustment.adapter.web;

import com.fenxiao.commission.adjustment.application.DecideAdjustment;
import com.fenxiao.commission.adjustment.application.RequestAdjustment;
import com.fenxiao.commission.approval.domain.ApprovalKind;
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
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Manual commission adjustments through maker-checker (SPEC §8). */
@RestController
@RequestMapping("/admin/v1/commissions")
class AdjustmentAdminController {

    private static final StaffRole[] MAKERS = {StaffRole.OPS, StaffRole.FINANCE, StaffRole.ADMIN};
    private static final StaffRole[] CHECKERS = {StaffRole.FINANCE, StaffRole.ADMIN};
    private static final StaffRole[] READERS = {StaffRole.OPS, StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN};

    private final RequestAdjustment requestAdjustment;
    private final DecideAdjustment decideAdjustment;
    private final Approvals approvals;

    AdjustmentAdminController(
            RequestAdjustment requestAdjustment, DecideAdjustment decideAdjustment, Approvals approvals) {
        this.requestAdjustment = requestAdjustment;
        this.decideAdjustment = decideAdjustment;
        this.approvals = approvals;
    }

    @PostMapping("/{commissionId:\\d+}/adjustment-requests")
    @ResponseStatus(HttpStatus.CREATED)
    ApprovalView request(
            CallerIdentity caller, @PathVariable long commissionId, @Valid @RequestBody AdjustmentBody body) {
        long staff = caller.requireStaff(MAKERS);
        return ApprovalView.of(requestAdjustment.request(
                commissionId, body.deltaFen(), body.reason(), staff, WebRequests.requestId()));
    }

    @GetMapping("/adjustment-requests")
    ApprovalView.Page list(
            CallerIdentity caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer size) {
        caller.requireStaff(READERS);
        int n = WebRequests.pageSize(size);
        return ApprovalView.Page.of(
                approvals.list(
                        ApprovalKind.COMMISSION_ADJUSTMENT.name(), statusOf(status), WebRequests.cursor(cursor), n + 1),
                n);
    }

    @PostMapping("/adjustment-requests/{id}/approve")
    ApprovalView approve(
            CallerIdentity caller, @PathVariable long id, @Valid @RequestBody(required = false) DecisionBody body) {
        long staff = caller.requireStaff(CHECKERS);
        return ApprovalView.of(
                decideAdjustment.decide(id, true, body == null ? null : body.note(), staff, WebRequests.requestId()));
    }

    @PostMapping("/adjustment-requests/{id}/reject")
    ApprovalView reject(
            CallerIdentity caller, @PathVariable long id, @Valid @RequestBody(required = false) DecisionBody body) {
        long staff = caller.requireStaff(CHECKERS);
        return ApprovalView.of(
                decideAdjustment.decide(id, false, body == null ? null : body.note(), staff, WebRequests.requestId()));
    }

    private static ApprovalStatus statusOf(String status) {
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
