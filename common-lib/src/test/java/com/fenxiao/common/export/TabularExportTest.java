package com.fenxiao.common.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.idev.excel.FastExcel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class TabularExportTest {

    private static final List<String> HEADERS = List.of("编号", "金额(元)");

    @Test
    void csv_starts_with_a_bom_quotes_headers_and_cells_and_defuses_formulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TabularExport.write(
                TabularExport.Format.CSV,
                "ignored",
                List.of("编号", "说明,备注"),
                rows -> {
                    rows.accept(List.of("1", "=HYPERLINK(\"x\")"));
                    rows.accept(List.of("2", TabularExport.yuan(-400_000)));
                },
                out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("编号,\"说明,备注\"\r\n1,\"'=HYPERLINK(\"\"x\"\")\"\r\n2,-4000.00\r\n");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_defused_and_special_characters_are_quoted() {
        assertThat(TabularExport.csvCell("+1")).isEqualTo("'+1");
        assertThat(TabularExport.csvCell("-1")).isEqualTo("'-1");
        assertThat(TabularExport.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TabularExport.csvCell("\tx")).isEqualTo("'\tx");
        assertThat(TabularExport.csvCell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(TabularExport.csvCell(null)).isEmpty();
    }

    @Test
    void money_is_yuan_with_two_decimals_exact_from_the_fen() {
        assertThat(TabularExport.csvCell(TabularExport.yuan(1))).isEqualTo("0.01");
        assertThat(TabularExport.csvCell(TabularExport.yuan(Long.MAX_VALUE))).isEqualTo("92233720368547758.07");
        assertThat(TabularExport.csvCell(new BigDecimal("0.00"))).isEqualTo("0.00");
    }

    @Test
    void xlsx_starts_a_new_sheet_with_the_headers_when_a_sheet_is_full() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TabularExport.write(
                TabularExport.Format.XLSX,
                "提现记录",
                HEADERS,
                rows -> {
                    for (int i = 1; i <= 2_501; i++) {
                        rows.accept(List.of(Integer.toString(i), TabularExport.yuan(i)));
                    }
                },
                out,
                1_200);
        byte[] xlsx = out.toByteArray();

        assertThat(sheetNames(xlsx)).containsExactly("提现记录", "提现记录-2", "提现记录-3");
        List<Map<Integer, String>> first = read(xlsx, 0);
        List<Map<Integer, String>> second = read(xlsx, 1);
        List<Map<Integer, String>> third = read(xlsx, 2);
        assertThat(first).hasSize(1 + 1_200);
        assertThat(second).hasSize(1 + 1_200);
        assertThat(third).hasSize(1 + 101);
        for (List<Map<Integer, String>> sheet : List.of(first, second, third)) {
            assertThat(sheet.get(0)).containsEntry(0, "编号").containsEntry(1, "金额(元)");
        }
        assertThat(first.get(1)).containsEntry(0, "1").containsEntry(1, "0.01");
        assertThat(first.get(1_200)).containsEntry(0, "1200");
        assertThat(second.get(1)).containsEntry(0, "1201");
        assertThat(third.get(101)).containsEntry(0, "2501").containsEntry(1, "25.01");
    }

    @Test
    void a_sheet_holds_a_million_rows_and_an_exactly_full_sheet_opens_no_empty_one() throws Exception {
        assertThat(TabularExport.XLSX_ROWS_PER_SHEET).isEqualTo(1_000_000);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TabularExport.write(
                TabularExport.Format.XLSX,
                "流水",
                HEADERS,
                rows -> {
                    for (int i = 1; i <= 10; i++) {
                        rows.accept(List.of(Integer.toString(i), TabularExport.yuan(i)));
                    }
                },
                out,
                10);
        assertThat(sheetNames(out.toByteArray())).containsExactly("流水");
        assertThat(read(out.toByteArray(), 0)).hasSize(11);
    }

    @Test
    void sheet_names_are_made_acceptable_to_excel() {
        assertThat(TabularExport.sheetName("钱包流水", 0)).isEqualTo("钱包流水");
        assertThat(TabularExport.sheetName("钱包流水", 1)).isEqualTo("钱包流水-2");
        assertThat(TabularExport.sheetName("a/b:c[d]*?\\", 0)).isEqualTo("a_b_c_d____");
        assertThat(TabularExport.sheetName("x".repeat(40), 0)).hasSize(31);
        assertThat(TabularExport.sheetName("x".repeat(40), 11)).isEqualTo("x".repeat(28) + "-12");
        assertThat(TabularExport.sheetName(" ", 0)).isEqualTo("Sheet");
    }

    @Test
    void formats_are_csv_by_default_or_xlsx_and_nothing_else() {
        assertThat(TabularExport.Format.parse(null)).isEqualTo(TabularExport.Format.CSV);
        assertThat(TabularExport.Format.parse(" XLSX ")).isEqualTo(TabularExport.Format.XLSX);
        assertThatThrownBy(() -> TabularExport.Format.parse("pdf")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TabularExport.write(
                        TabularExport.Format.XLSX, "x", HEADERS, rows -> {}, new ByteArrayOutputStream(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Map<Integer, String>> read(byte[] xlsx, int sheet) {
        return FastExcel.read(new ByteArrayInputStream(xlsx))
                .sheet(sheet)
                .headRowNumber(0)
                .doReadSync();
    }

    /** Sheet names in workbook order, from xl/workbook.xml. */
    private static List<String> sheetNames(byte[] xlsx) throws Exception {
        Path file = Files.createTempFile("tabular-export", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                String xml = new String(
                        zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("<sheet [^>]*name=\"([^\"]*)\"").matcher(xml);
                List<String> names = new ArrayList<>();
                while (m.find()) {
                    names.add(m.group(1));
                }
                return names;
            }
        } finally {
            Files.delete(file);
        }
    }
}
