package com.fenxiao.relation.risk.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.relation.risk.application.ListFlags;
import com.fenxiao.relation.risk.application.ResolveFlag;
import com.fenxiao.relation.risk.domain.FlagStatus;
import com.fenxiao.relation.risk.domain.RiskFlag;
import com.fenxiao.relation.web.Requests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RiskFlagAdminController {

    private static final StaffRole[] READERS = {StaffRole.OPS, StaffRole.ADMIN, StaffRole.AUDITOR, StaffRole.FINANCE};
    private static final StaffRole[] OPERATORS = {StaffRole.OPS, StaffRole.ADMIN};

    private final ListFlags list;
    private final ResolveFlag resolve;

    RiskFlagAdminController(ListFlags list, ResolveFlag resolve) {
        this.list = list;
        this.resolve = resolve;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FlagView(
            String id,
            String userId,
            String reason,
            String detail,
            String status,
            Instant createdAt,
            String resolvedBy,
            Instant resolvedAt,
            String resolutionNote) {

        static FlagView of(RiskFlag f) {
            return new FlagView(
                    Long.toString(f.id()),
                    Long.toString(f.userId()),
                    f.reason().name(),
                    f.detail(),
                    f.status().name(),
                    f.createdAt(),
                    Requests.id(f.resolvedBy()),
                    f.resolvedAt(),
                    f.resolutionNote());
        }
    }

    record FlagsView(List<FlagView> items, String nextCursor) {}

    record NoteBody(@Size(max = 255) String note) {}

    @GetMapping("/admin/v1/risk-flags")
    FlagsView flags(
            CallerIdentity caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long userId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int size) {
        caller.requireStaff(READERS);
        FlagStatus wanted;
        Long before;
        try {
            wanted = status == null ? null : FlagStatus.valueOf(status);
            before = cursor == null || cursor.isBlank() ? null : Long.parseLong(cursor);
        } catch (IllegalArgumentException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "status 或 cursor 无效");
        }
        int bounded = Math.max(1, Math.min(size, 100));
        List<RiskFlag> items = list.list(wanted, userId, before, bounded);
        String next = items.size() == bounded
                ? Long.toString(items.get(items.size() - 1).id())
                : null;
        return new FlagsView(items.stream().map(FlagView::of).toList(), next);
    }

    @PostMapping("/admin/v1/risk-flags/{flagId}/clear")
    FlagView clear(
            CallerIdentity caller,
            @PathVariable long flagId,
            @RequestBody(required = false) NoteBody body,
            HttpServletRequest request) {
        long staff = caller.requireStaff(OPERATORS);
        return FlagView.of(resolve.resolve(
                staff, flagId, FlagStatus.CLEARED, body == null ? null : body.note(), Requests.requestId(request)));
    }

    @PostMapping("/admin/v1/risk-flags/{flagId}/confirm")
    FlagView confirm(
            CallerIdentity caller,
            @PathVariable long flagId,
            @RequestBody(required = false) NoteBody body,
            HttpServletRequest request) {
        long staff = caller.requireStaff(OPERATORS);
        return FlagView.of(resolve.resolve(
                staff, flagId, FlagStatus.CONFIRMED, body == null ? null : body.note(), Requests.requestId(request)));
    }
}
