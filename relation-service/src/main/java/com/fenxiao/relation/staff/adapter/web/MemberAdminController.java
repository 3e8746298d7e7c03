package com.fenxiao.relation.staff.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.relation.member.domain.MemberStatus;
import com.fenxiao.relation.staff.application.ChangeMemberStatus;
import com.fenxiao.relation.staff.application.LookUpMember;
import com.fenxiao.relation.web.Requests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MemberAdminController {

    static final StaffRole[] READERS = {StaffRole.OPS, StaffRole.ADMIN, StaffRole.AUDITOR, StaffRole.FINANCE};
    static final StaffRole[] OPERATORS = {StaffRole.OPS, StaffRole.ADMIN};

    private final LookUpMember lookUp;
    private final ChangeMemberStatus status;

    MemberAdminController(LookUpMember lookUp, ChangeMemberStatus status) {
        this.lookUp = lookUp;
        this.status = status;
    }

    @GetMapping("/admin/v1/members/{userId}")
    StaffViews.MemberView member(CallerIdentity caller, @PathVariable long userId) {
        caller.requireStaff(READERS);
        return view(lookUp.byId(userId));
    }

    @GetMapping("/admin/v1/members")
    StaffViews.MemberView byInviteCode(CallerIdentity caller, @RequestParam String inviteCode) {
        caller.requireStaff(READERS);
        return view(lookUp.byInviteCode(inviteCode));
    }

    @GetMapping("/admin/v1/members/{userId}/history")
    StaffViews.ListView<StaffViews.HistoryView> history(CallerIdentity caller, @PathVariable long userId) {
        caller.requireStaff(READERS);
        return new StaffViews.ListView<>(
                lookUp.history(userId).stream().map(StaffViews.HistoryView::of).toList(), null);
    }

    @GetMapping("/admin/v1/members/{userId}/audit")
    StaffViews.ListView<StaffViews.AuditView> audit(CallerIdentity caller, @PathVariable long userId) {
        caller.requireStaff(READERS);
        return new StaffViews.ListView<>(
                lookUp.audit(userId).stream().map(StaffViews.AuditView::of).toList(), null);
    }

    @PostMapping("/admin/v1/members/{userId}/disable")
    StaffViews.MemberView disable(
            CallerIdentity caller,
            @PathVariable long userId,
            @Valid @RequestBody ReasonBody body,
            HttpServletRequest request) {
        long staff = caller.requireStaff(OPERATORS);
        status.change(staff, userId, MemberStatus.DISABLED, body.reason(), Requests.requestId(request));
        return view(lookUp.byId(userId));
    }

    @PostMapping("/admin/v1/members/{userId}/enable")
    StaffViews.MemberView enable(
            CallerIdentity caller,
            @PathVariable long userId,
            @Valid @RequestBody ReasonBody body,
            HttpServletRequest request) {
        long staff = caller.requireStaff(OPERATORS);
        status.change(staff, userId, MemberStatus.ACTIVE, body.reason(), Requests.requestId(request));
        return view(lookUp.byId(userId));
    }

    static StaffViews.MemberView view(LookUpMember.Detail d) {
        var m = d.member();
        return new StaffViews.MemberView(
                Long.toString(m.id()),
                m.nickname(),
                m.inviteCode(),
                m.status().name(),
                List.copyOf(m.riskFlags()),
                m.deviceId(),
                m.registerIp(),
                m.createdAt(),
                m.boundAt(),
                m.bindChannel(),
                d.inviter().map(StaffViews.Upline::of).orElse(null),
                d.inviterL2().map(StaffViews.Upline::of).orElse(null),
                d.level1Count(),
                d.level2Count());
    }
}
