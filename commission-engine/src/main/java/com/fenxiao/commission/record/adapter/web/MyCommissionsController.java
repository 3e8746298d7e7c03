package com.fenxiao.commission.record.adapter.web;

import com.fenxiao.commission.SettlementWindowProperties;
import com.fenxiao.commission.record.application.ListCommissions;
import com.fenxiao.commission.record.domain.BuyerMask;
import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.CommissionStatus;
import com.fenxiao.commission.web.WebRequests;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.time.AfterSalesWindows;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me/commissions}: the caller's own commissions, newest first (API.md). */
@RestController
class MyCommissionsController {

    private final ListCommissions list;
    private final AfterSalesWindows windows;

    MyCommissionsController(ListCommissions list, SettlementWindowProperties windows) {
        this.list = list;
        this.windows = windows.windows();
    }

    @GetMapping("/api/v1/me/commissions")
    CommissionPageView<MyCommissionView> mine(
            CallerIdentity caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer size) {
        long me = caller.requireMember();
        ListCommissions.Page page =
                list.of(me, statusOf(status), WebRequests.cursor(cursor), WebRequests.pageSize(size));
        return new CommissionPageView<>(
                page.items().stream().map(this::view).toList(),
                page.nextCursor() == null ? null : page.nextCursor().toString(),
                CommissionPageView.NOTICE);
    }

    private MyCommissionView view(Commission c) {
        return new MyCommissionView(
                c.id(),
                c.orderNo(),
                BuyerMask.shown(c.buyerNickname(), c.buyerId()),
                c.level(),
                c.amountFen(),
                c.status().name(),
                c.held(),
                c.held() ? c.holdReason() : null,
                MyCommissionView.noteOf(c.held(), c.holdReason()),
                c.createdAt(),
                c.expectedReleaseAt(windows));
    }

    static CommissionStatus statusOf(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CommissionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "status 无效: " + status);
        }
    }
}
