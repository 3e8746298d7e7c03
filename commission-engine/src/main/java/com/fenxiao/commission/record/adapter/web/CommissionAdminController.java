package com.fenxiao.commission.record.adapter.web;

import com.fenxiao.commission.record.application.FindCommission;
import com.fenxiao.commission.record.application.ListCommissions;
import com.fenxiao.commission.record.application.ViewOrder;
import com.fenxiao.commission.web.WebRequests;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff views: one order with its commissions, one promoter's commissions, one record. */
@RestController
@RequestMapping("/admin/v1/commissions")
class CommissionAdminController {

    private static final StaffRole[] READERS = {StaffRole.OPS, StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN};

    private final ViewOrder viewOrder;
    private final ListCommissions list;
    private final FindCommission find;

    CommissionAdminController(ViewOrder viewOrder, ListCommissions list, FindCommission find) {
        this.viewOrder = viewOrder;
        this.list = list;
        this.find = find;
    }

    @GetMapping("/orders/{orderId}")
    OrderCommissionsView order(CallerIdentity caller, @PathVariable String orderId) {
        caller.requireStaff(READERS);
        return OrderCommissionsView.of(viewOrder.of(orderId));
    }

    @GetMapping("/promoters/{promoterId}")
    CommissionPageView<CommissionView> promoter(
            CallerIdentity caller,
            @PathVariable long promoterId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer size) {
        caller.requireStaff(READERS);
        ListCommissions.Page page = list.of(
                promoterId,
                MyCommissionsController.statusOf(status),
                WebRequests.cursor(cursor),
                WebRequests.pageSize(size));
        return new CommissionPageView<>(
                page.items().stream().map(CommissionView::of).toList(),
                page.nextCursor() == null ? null : page.nextCursor().toString(),
                CommissionPageView.NOTICE);
    }

    @GetMapping("/{id:\\d+}")
    CommissionView one(CallerIdentity caller, @PathVariable long id) {
        caller.requireStaff(READERS);
        return CommissionView.of(find.byId(id));
    }
}
