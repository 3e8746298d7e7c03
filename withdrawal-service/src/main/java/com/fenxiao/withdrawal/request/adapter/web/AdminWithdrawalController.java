package com.fenxiao.withdrawal.request.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.common.web.RequestIds;
import com.fenxiao.withdrawal.request.application.ApproveWithdrawal;
import com.fenxiao.withdrawal.request.application.ListWithdrawals;
import com.fenxiao.withdrawal.request.application.RejectWithdrawal;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance's review of withdrawals (API.md staff part): list, approve, reject. A large withdrawal needs two
 * different staff members (maker-checker through common-lib approvals); every decision is audited.
 */
@RestController
class AdminWithdrawalController {

    private final ListWithdrawals list;
    private final ApproveWithdrawal approve;
    private final RejectWithdrawal reject;

    AdminWithdrawalController(ListWithdrawals list, ApproveWithdrawal approve, RejectWithdrawal reject) {
        this.list = list;
        this.approve = approve;
        this.reject = reject;
    }

    @GetMapping("/admin/v1/withdrawals")
    WithdrawalPage list(
            CallerIdentity caller,
            @RequestParam(defaultValue = "REVIEWING") WithdrawalStatus status,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) Long cursor,
            @RequestParam(defaultValue = "20") int size) {
        caller.requireStaff(StaffRole.FINANCE, StaffRole.ADMIN, StaffRole.AUDITOR);
        return WithdrawalController.page(list.list(null, status, channel, cursor, size), size);
    }

    @PostMapping("/admin/v1/withdrawals/{id}/approve")
    WithdrawalView approve(
            CallerIdentity caller, @PathVariable long id, @Valid @RequestBody(required = false) ApproveBody body) {
        long staff = caller.requireStaff(StaffRole.FINANCE, StaffRole.ADMIN);
        return WithdrawalView.of(approve.approve(staff, id, body == null ? null : body.note(), RequestIds.current()));
    }

    @PostMapping("/admin/v1/withdrawals/{id}/reject")
    WithdrawalView reject(CallerIdentity caller, @PathVariable long id, @Valid @RequestBody RejectBody body) {
        long staff = caller.requireStaff(StaffRole.FINANCE, StaffRole.ADMIN);
        return WithdrawalView.of(reject.reject(staff, id, body.reason(), RequestIds.current()));
    }
}
