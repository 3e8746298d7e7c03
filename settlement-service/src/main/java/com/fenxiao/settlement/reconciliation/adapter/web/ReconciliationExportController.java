package com.fenxiao.settlement.reconciliation.adapter.web;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.settlement.reconciliation.application.ReconciliationQueries;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationLine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int XLSX_CHUNK = 1000;

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
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "导出格式只能是 csv 或 xlsx");
        }
        String filename = "reconciliation-" + range.from() + "-" + range.to() + "." + kind;
        StreamingResponseBody body = kind.equals("csv") ? out -> csv(range, out) : out -> xlsx(range, out);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .contentType(kind.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
                .body(body);
    }

    private void csv(ReconciliationQueries.Range range, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write(String.join(",", HEADERS));
        writer.write("\r\n");
        try {
            queries.forEach(range, line -> {
                try {
                    List<Object> cells = cells(line);
                    for (int i = 0; i < cells.size(); i++) {
                        if (i > 0) {
                            writer.write(',');
                        }
                        writer.write(csvCell(cells.get(i)));
                    }
                    writer.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    private void xlsx(ReconciliationQueries.Range range, OutputStream out) {
        List<List<String>> head = new ArrayList<>();
        HEADERS.forEach(h -> head.add(List.of(h)));
        ExcelWriter writer =
                FastExcel.write(out).head(head).autoCloseStream(false).build();
        try {
            WriteSheet sheet = FastExcel.writerSheet(0, "对账").build();
            List<List<Object>> chunk = new ArrayList<>(XLSX_CHUNK);
            queries.forEach(range, line -> {
                chunk.add(cells(line));
                if (chunk.size() == XLSX_CHUNK) {
                    writer.write(chunk, sheet);
                    chunk.clear();
                }
            });
            writer.write(chunk, sheet);
        } finally {
            writer.finish();
        }
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
        return BigDecimal.valueOf(fen, 2);
    }

    /** RFC 4180 quoting, and a leading quote before text a spreadsheet would run as a formula. */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
