package com.fenxiao.relation.staff.adapter.web;

import com.fenxiao.common.approval.ApprovalRequest;
import com.fenxiao.common.approval.ApprovalStatus;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.relation.promoter.application.ListTeam;
import com.fenxiao.relation.staff.application.DecideUnbind;
import com.fenxiao.relation.staff.application.ListApprovals;
import com.fenxiao.relation.staff.application.LookUpMember;
import com.fenxiao.relation.staff.application.RequestUnbind;
import com.fenxiao.relation.web.Requests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RelationAdminController {

    private final LookUpMember lookUp;
    private final ListTeam team;
    private final RequestUnbind requestUnbind;
    private final DecideUnbind decideUnbind;
    private final ListApprovals approvals;

    RelationAdminController(
            LookUpMember lookUp,
            ListTeam team,
            RequestUnbind requestUnbind,
            DecideUnbind decideUnbind,
            ListApprovals approvals) {
        this.lookUp = lookUp;
        this.team = team;
        this.requestUnbind = requestUnbind;
        this.decideUnbind = decideUnbind;
        this.approvals = approvals;
    }

    /** The member's inviter, level-2 upline and both invitee counts. */
    @GetMapping("/admin/v1/relations/{userId}")
    StaffViews.MemberView relation(CallerIdentity caller, @PathVariable long userId) {
        caller.requireStaff(MemberAdminController.READERS);
        return MemberAdminController.view(lookUp.byId(userId));
    }

    record InviteeView(String userId, String nickname, Instant joinedAt) {}

    /** Level-1 or level-2 invitees; staff see the same masked list members see of their team. */
    @GetMapping("/admin/v1/relations/{userId}/invitees")
    StaffViews.ListView<InviteeView> invitees(
            CallerIdentity caller,
            @PathVariable long userId,
            @RequestParam String level,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int size) {
        caller.requireStaff(MemberAdminController.READERS);
        lookUp.byId(userId);
        ListTeam.Page page = team.of(userId, level, cursor, size);
        return new StaffViews.ListView<>(
                page.items().stream()
                        .map(e -> new InviteeView(Long.toString(e.userId()), e.maskedNickname(), e.joinedAt()))
                        .toList(),
                page.nextCursor());
    }

    @PostMapping("/admin/v1/relations/{userId}/unbind-requests")
    @ResponseStatus(HttpStatus.CREATED)
    StaffViews.ApprovalView requestUnbind(
            CallerIdentity caller,
            @PathVariable long userId,
            @Valid @RequestBody ReasonBody body,
            HttpServletRequest request) {
        long staff = caller.requireStaff(MemberAdminController.OPERATORS);
        ApprovalRequest r = requestUnbind.request(staff, userId, body.reason(), Requests.requestId(request));
        return StaffViews.ApprovalView.of(r);
    }

    @GetMapping("/admin/v1/relations/unbind-requests")
    StaffViews.ListView<StaffViews.ApprovalView> unbindRequests(
            CallerIdentity caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int size) {
        caller.requireStaff(MemberAdminController.READERS);
        ApprovalStatus wanted;
        Long before;
        try {
            wanted = status == null ? null : ApprovalStatus.valueOf(status);
            before = cursor == null || cursor.isBlank() ? null : Long.parseLong(cursor);
        } catch (IllegalArgumentException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "status 或 cursor 无效");
        }
        int bounded = Math.max(1, Math.min(size, 100));
        List<ApprovalRequest> items = approvals.list(wanted, before, bounded);
        String next = items.size() == bounded
                ? Long.toString(items.get(items.size() - 1).id())
                : null;
        return new StaffViews.ListView<>(
                items.stream().map(StaffViews.ApprovalView::of).toList(), next);
    }

    @PostMapping("/admin/v1/relations/unbind-requests/{approvalId}/approve")
    void approve(
            CallerIdentity caller,
            @PathVariable long approvalId,
            @Valid @RequestBody(required = false) DecisionBody body,
            HttpServletRequest request) {
        long staff = caller.requireStaff(MemberAdminController.OPERATORS);
        decideUnbind.approve(staff, approvalId, body == null ? null : body.note(), Requests.requestId(request));
    }

    @PostMapping("/admin/v1/relations/unbind-requests/{approvalId}/reject")
    void reject(
            CallerIdentity caller,
            @PathVariable long approvalId,
            @Valid @RequestBody(required = false) DecisionBody body,
            HttpServletRequest request) {
        long staff = caller.requireStaff(MemberAdminController.OPERATORS);
        decideUnbind.reject(staff, approvalId, body == null ? null : body.note(), Requests.requestId(request));
    }
}
