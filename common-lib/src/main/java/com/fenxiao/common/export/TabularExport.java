package com.fenxiao.common.export;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
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
import java.util.function.Consumer;

/**
 * SPEC §8 exports, one way for every service: rows are pushed one at a time by the caller's paged
 * reader and written as they come, so a month of a large platform never sits in memory. CSV is UTF-8 with
 * a BOM (spreadsheet programs then read the Chinese headers) and RFC 4180 quoting, with a leading quote
 * before text a spreadsheet would run as a formula; XLSX is written by fastexcel in chunks, starting a new
 * sheet ({@code name-2}, {@code name-3}, …, each with the headers) every {@value #XLSX_ROWS_PER_SHEET} rows,
 * below Excel's limit of 1,048,576 rows per sheet.
 */
public final class TabularExport {

    public enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }

        /** {@code csv} or {@code xlsx} (any case, default csv); anything else is refused. */
        public static Format parse(String value) {
            String v = value == null || value.isBlank() ? "csv" : value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw new IllegalArgumentException("format must be csv or xlsx: " + value);
            };
        }
    }

    /** Where the reader pushes rows: one list of cells per row, in the order of the headers. */
    public interface Rows {
        void accept(List<?> cells);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int XLSX_CHUNK = 1000;
    /** Data rows per XLSX sheet; the next row starts a new sheet. */
    public static final int XLSX_ROWS_PER_SHEET = 1_000_000;
    /** Excel refuses longer sheet names. */
    private static final int SHEET_NAME_MAX = 31;

    private TabularExport() {}

    public static void write(
            Format format, String sheetName, List<String> headers, Consumer<Rows> reader, OutputStream out)
            throws IOException {
        write(format, sheetName, headers, reader, out, XLSX_ROWS_PER_SHEET);
    }

    /** As {@link #write}, with another sheet size (tests). */
    static void write(
            Format format,
            String sheetName,
            List<String> headers,
            Consumer<Rows> reader,
            OutputStream out,
            int rowsPerSheet)
            throws IOException {
        if (rowsPerSheet < 1) {
            throw new IllegalArgumentException("rowsPerSheet must be positive: " + rowsPerSheet);
        }
        if (format == Format.CSV) {
            csv(headers, reader, out);
        } else {
            xlsx(sheetName, headers, reader, out, rowsPerSheet);
        }
    }

    private static void csv(List<String> headers, Consumer<Rows> reader, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try {
            line(writer, headers);
            reader.accept(cells -> {
                try {
                    line(writer, cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    private static void line(Writer writer, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvCell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    private static void xlsx(
            String sheetName, List<String> headers, Consumer<Rows> reader, OutputStream out, int rowsPerSheet) {
        List<List<String>> head = new ArrayList<>();
        headers.forEach(h -> head.add(List.of(h)));
        ExcelWriter writer =
                FastExcel.write(out).head(head).autoCloseStream(false).build();
        try {
            WriteSheet[] sheet = {
                FastExcel.writerSheet(0, sheetName(sheetName, 0)).build()
            };
            int[] rowsInSheet = {0};
            List<List<Object>> chunk = new ArrayList<>(XLSX_CHUNK);
            reader.accept(cells -> {
                if (rowsInSheet[0] == rowsPerSheet) {
                    writer.write(chunk, sheet[0]);
                    chunk.clear();
                    int next = sheet[0].getSheetNo() + 1;
                    sheet[0] = FastExcel.writerSheet(next, sheetName(sheetName, next))
                            .build();
                    rowsInSheet[0] = 0;
                }
                chunk.add(new ArrayList<>(cells));
                rowsInSheet[0]++;
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

    /**
     * The name of sheet {@code index} (0-based): the given name, then {@code name-2}, {@code name-3}, …;
     * characters Excel forbids in sheet names ({@code []:*?/\}) become {@code _}, and the name is cut to
     * Excel's 31 characters keeping the number.
     */
    static String sheetName(String name, int index) {
        String base = name == null || name.isBlank() ? "Sheet" : name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        String suffix = index == 0 ? "" : "-" + (index + 1);
        int room = SHEET_NAME_MAX - suffix.length();
        return (base.length() > room ? base.substring(0, room) : base) + suffix;
    }

    /** Fen as yuan with two decimals, exact. */
    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /** RFC 4180 quoting, and a leading quote before text a spreadsheet would run as a formula. */
    public static String csvCell(Object value) {
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
