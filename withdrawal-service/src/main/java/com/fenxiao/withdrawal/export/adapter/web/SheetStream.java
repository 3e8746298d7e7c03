package com.fenxiao.withdrawal.export.adapter.web;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import com.fenxiao.withdrawal.export.domain.ExportFormat;
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
import java.util.function.Consumer;

/**
 * Writes rows as they arrive: CSV (UTF-8 with a BOM so spreadsheet programs read the Chinese headers,
 * RFC 4180 quoting, formula-looking text defused) or XLSX through fastexcel, in chunks, starting a
 * new sheet before Excel's row limit. The same approach as settlement's reconciliation export.
 */
final class SheetStream {

    /** Emits every row of an export to the given sink, in order. */
    interface Rows {
        void each(Consumer<List<Object>> sink);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int XLSX_CHUNK = 1000;
    static final int XLSX_ROWS_PER_SHEET = 1_000_000;

    private SheetStream() {}

    static void write(ExportFormat format, String sheetName, List<String> headers, Rows rows, OutputStream out)
            throws IOException {
        if (format == ExportFormat.XLSX) {
            xlsx(sheetName, headers, rows, out);
        } else {
            csv(headers, rows, out);
        }
    }

    private static void csv(List<String> headers, Rows rows, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write(String.join(",", headers));
        writer.write("\r\n");
        try {
            rows.each(cells -> {
                try {
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

    private static void xlsx(String sheetName, List<String> headers, Rows rows, OutputStream out) {
        List<List<String>> head = new ArrayList<>();
        headers.forEach(h -> head.add(List.of(h)));
        ExcelWriter writer =
                FastExcel.write(out).head(head).autoCloseStream(false).build();
        try {
            int[] sheetRows = {0};
            WriteSheet[] sheet = {FastExcel.writerSheet(0, sheetName).build()};
            List<List<Object>> chunk = new ArrayList<>(XLSX_CHUNK);
            rows.each(cells -> {
                if (sheetRows[0] == XLSX_ROWS_PER_SHEET) {
                    writer.write(chunk, sheet[0]);
                    chunk.clear();
                    int next = sheet[0].getSheetNo() + 1;
                    sheet[0] = FastExcel.writerSheet(next, sheetName + "-" + (next + 1))
                            .build();
                    sheetRows[0] = 0;
                }
                chunk.add(cells);
                sheetRows[0]++;
                if (chunk.size() == XLSX_CHUNK) {
                    writer.write(chunk, sheet[0]);
                    chunk.clear();
                }
            });
            writer.write(chunk, sheet[0]);
        } finally {
            writer.finish();
        }
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
