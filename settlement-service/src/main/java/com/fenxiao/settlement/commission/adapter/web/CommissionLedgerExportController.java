package com.fenxiao.settlement.commission.adapter.web;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.export.TabularExport;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.settlement.commission.application.CommissionLedger;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /admin/v1/exports/commission-ledger}: every commission of orders paid in the range, with its
 * state after settlement (amount now, settled, reversed, withdrawn), streamed. Rows come table by table.
 */
@RestController
class CommissionLedgerExportController {

    static final StaffRole[] READERS = {StaffRole.OPS, StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN};
    static final List<String> HEADERS = List.of(
            "佣金ID", "推广员ID", "订单ID", "层级", "状态", "当前金额(元)", "已结算(元)", "已冲正(元)", "已提现(元)", "风控冻结", "冻结原因", "支付时间",
            "完成时间", "售后期截止", "结算时间");

    private final CommissionLedger ledger;

    CommissionLedgerExportController(CommissionLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/admin/v1/exports/commission-ledger")
    ResponseEntity<StreamingResponseBody> export(
            CallerIdentity caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String format) {
        caller.requireStaff(READERS);
        CommissionLedger.Range range = CommissionLedger.Range.parse(from, to);
        TabularExport.Format kind;
        try {
            kind = TabularExport.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "导出格式只能是 csv 或 xlsx");
        }
        String filename = "commission-ledger-" + range.from() + "-" + range.to() + "." + kind.extension();
        StreamingResponseBody body = out -> TabularExport.write(
                kind, "佣金台账", HEADERS, rows -> ledger.forEach(range, c -> rows.accept(cells(c))), out);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(kind.contentType()))
                .body(body);
    }

    static List<Object> cells(SettledCommission c) {
        List<Object> cells = new ArrayList<>(HEADERS.size());
        cells.add(Long.toString(c.id()));
        cells.add(Long.toString(c.promoterId()));
        cells.add(c.orderId());
        cells.add(c.level());
        cells.add(c.status().name());
        cells.add(TabularExport.yuan(c.amountFen()));
        cells.add(TabularExport.yuan(c.settledFen()));
        cells.add(TabularExport.yuan(c.reversedFen()));
        cells.add(TabularExport.yuan(c.withdrawnFen()));
        cells.add(c.held() ? "是" : "否");
        cells.add(c.holdReason() == null ? "" : c.holdReason());
        cells.add(text(c.paidAt()));
        cells.add(text(c.completedAt()));
        cells.add(c.dueAtMs() == null ? "" : text(Instant.ofEpochMilli(c.dueAtMs())));
        cells.add(text(c.releasedAt()));
        return cells;
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
