package com.fenxiao.relation.staffaccount.adapter.web;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.relation.staffaccount.application.ChangeStaff;
import com.fenxiao.relation.staffaccount.application.CreateStaff;
import com.fenxiao.relation.staffaccount.application.ListStaff;
import com.fenxiao.relation.staffaccount.domain.StaffAccount;
import com.fenxiao.relation.web.Requests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts, managed by ADMINs; auditors may read the list. */
@RestController
class StaffAccountAdminController {

    private static final StaffRole[] READERS = {StaffRole.ADMIN, StaffRole.AUDITOR};

    private final CreateStaff create;
    private final ChangeStaff change;
    private final ListStaff list;

    StaffAccountAdminController(CreateStaff create, ChangeStaff change, ListStaff list) {
        this.create = create;
        this.change = change;
        this.list = list;
    }

    @GetMapping("/admin/v1/staff")
    StaffAccountView.Page list(
            CallerIdentity caller,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int size) {
        caller.requireStaff(READERS);
        if (size < 1 || size > 100) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "size 须在 1 到 100 之间");
        }
        Long after;
        try {
            after = cursor == null || cursor.isBlank() ? null : Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "cursor 无效");
        }
        List<StaffAccount> rows = list.list(after, size + 1);
        List<StaffAccount> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size ? Long.toString(page.get(size - 1).id()) : null;
        return new StaffAccountView.Page(page.stream().map(StaffAccountView::of).toList(), next);
    }

    @PostMapping("/admin/v1/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffAccountView create(
            CallerIdentity caller, @Valid @RequestBody CreateStaffBody body, HttpServletRequest request) {
        long admin = caller.requireStaff(StaffRole.ADMIN);
        return StaffAccountView.of(
                create.create(admin, body.username(), body.password(), body.roles(), Requests.requestId(request)));
    }

    @PutMapping("/admin/v1/staff/{staffId}/roles")
    StaffAccountView roles(
            CallerIdentity caller,
            @PathVariable long staffId,
            @Valid @RequestBody StaffRolesBody body,
            HttpServletRequest request) {
        long admin = caller.requireStaff(StaffRole.ADMIN);
        return StaffAccountView.of(
                change.changeRoles(admin, staffId, body.roles(), body.reason(), Requests.requestId(request)));
    }

    @PostMapping("/admin/v1/staff/{staffId}/disable")
    StaffAccountView disable(
            CallerIdentity caller,
            @PathVariable long staffId,
            @Valid @RequestBody StaffReasonBody body,
            HttpServletRequest request) {
        long admin = caller.requireStaff(StaffRole.ADMIN);
        return StaffAccountView.of(
                change.setDisabled(admin, staffId, true, body.reason(), Requests.requestId(request)));
    }

    @PostMapping("/admin/v1/staff/{staffId}/enable")
    StaffAccountView enable(
            CallerIdentity caller,
            @PathVariable long staffId,
            @Valid @RequestBody StaffReasonBody body,
            HttpServletRequest request) {
        long admin = caller.requireStaff(StaffRole.ADMIN);
        return StaffAccountView.of(
                change.setDisabled(admin, staffId, false, body.reason(), Requests.requestId(request)));
    }

    @PostMapping("/admin/v1/staff/{staffId}/password")
    StaffAccountView resetPassword(
            CallerIdentity caller,
            @PathVariable long staffId,
            @Valid @RequestBody StaffPasswordBody body,
            HttpServletRequest request) {
        long admin = caller.requireStaff(StaffRole.ADMIN);
        return StaffAccountView.of(
                change.resetPassword(admin, staffId, body.password(), body.reason(), Requests.requestId(request)));
    }
}
