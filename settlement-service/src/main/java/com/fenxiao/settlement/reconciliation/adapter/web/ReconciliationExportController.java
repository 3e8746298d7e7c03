package com.fenxiao.settlement.reconciliation.adapter.web;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.export.TabularExport;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.settlement.reconciliation.application.ReconciliationQueries;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationLine;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
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
 * SPEC §8 reconciliation export, streamed a page at a time: CSV (UTF-8 with a BOM so spreadsheet
 * programs read the Chinese headers) or XLSX. Amounts are yuan with two decimals, exact from the fen;
 * the share of margin is a percentage with two decimals (basis points / 100).
 */
@RestController
class ReconciliationExportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final List<String> HEADERS =
            List.of("日期", "商品ID", "实付金额(元)", "退款金额(元)", "成本(元)", "毛利(元)", "佣金(元)", "佣金占毛利(%)", "预警");

    private final ReconciliationQueries queries;

    ReconciliationExportController(ReconciliationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/admin/v1/exports/reconciliation")
    ResponseEntity<StreamingResponseBody> export(
            CallerIdentity caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String productId,
            @RequestParam(required = false, defaultValue = "csv") String format) {
        caller.requireStaff(ReconciliationController.READERS);
        ReconciliationQueries.Range range = ReconciliationQueries.Range.parse(from, to, productId);
        TabularExport.Format kind;
        try {
            kind = TabularExport.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "导出格式只能是 csv 或 xlsx");
        }
        String filename = "reconciliation-" + range.from() + "-" + range.to() + "." + kind.extension();
        StreamingResponseBody body = out -> write(range, kind, out);
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

    private void write(ReconciliationQueries.Range range, TabularExport.Format format, OutputStream out)
            throws IOException {
        TabularExport.write(
                format, "对账", HEADERS, rows -> queries.forEach(range, line -> rows.accept(cells(line))), out);
    }

    static List<Object> cells(ReconciliationLine line) {
        var t = line.totals();
        var m = line.margin();
        List<Object> cells = new ArrayList<>(HEADERS.size());
        cells.add(t.day().toString());
        cells.add(t.productId());
        cells.add(yuan(t.paidFen()));
        cells.add(yuan(t.refundedFen()));
        cells.add(yuan(t.costFen()));
        cells.add(yuan(m.grossMarginFen()));
        cells.add(yuan(t.commissionFen()));
        cells.add(m.commissionShareBp() == null ? "" : BigDecimal.valueOf(m.commissionShareBp(), 2));
        cells.add(m.alert() ? "是" : "否");
        return cells;
    }

    static BigDecimal yuan(long fen) {
        return TabularExport.yuan(fen);
    }

    static String csvCell(Object value) {
        return TabularExport.csvCell(value);
    }
}
