package com.fenxiao.common.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fenxiao.common.audit.AuditChainVerifier;
import com.fenxiao.common.audit.AuditEntry;
import com.fenxiao.common.audit.AuditFilter;
import com.fenxiao.common.audit.AuditQueries;
import com.fenxiao.common.audit.AuditRecord;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.common.time.BusinessTime;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
 * The service's own audit log for auditors and admins: query, chain verification and a streamed CSV
 * export. The gateway reaches each service's copy under {@code /admin/v1/audit/{service}/…}.
 */
@RestController
public class AuditController {

    static final StaffRole[] READERS = {StaffRole.AUDITOR, StaffRole.ADMIN};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final List<String> HEADERS = List.of(
            "id",
            "seq",
            "at",
            "actorId",
            "action",
            "targetType",
            "targetId",
            "before",
            "after",
            "reason",
            "requestId",
            "prevHash",
            "hash");

    private final AuditQueries queries;
    private final AuditChainVerifier verifier;

    public AuditController(AuditQueries queries, AuditChainVerifier verifier) {
        this.queries = queries;
        this.verifier = verifier;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryView(
            String id,
            String seq,
            String actorId,
            String action,
            String targetType,
            String targetId,
            String before,
            String after,
            String reason,
            String requestId,
            Instant at,
            String prevHash,
            String hash) {

        static EntryView of(AuditEntry e) {
            AuditRecord r = e.record();
            return new EntryView(
                    Long.toString(r.id()),
                    Long.toString(e.seq()),
                    Long.toString(r.actorId()),
                    r.action(),
                    r.targetType(),
                    r.targetId(),
                    r.before(),
                    r.after(),
                    r.reason(),
                    r.requestId(),
                    r.at(),
                    e.prevHash(),
                    e.hash());
        }
    }

    public record Page(List<EntryView> items, String nextCursor) {}

    public record VerificationView(boolean ok, long checked, String firstBrokenId, String reason) {}

    @GetMapping("/admin/v1/audit")
    public Page query(
            CallerIdentity caller,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId,
            @RequestParam(required = false) Long actorId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int size) {
        caller.requireStaff(READERS);
        if (size < 1 || size > 100) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "size 须在 1 到 100 之间");
        }
        Long before;
        try {
            before = cursor == null || cursor.isBlank() ? null : Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "cursor 无效");
        }
        AuditFilter filter = new AuditFilter(
                blankToNull(targetType),
                blankToNull(targetId),
                actorId,
                blankToNull(action),
                from == null ? null : bound("from", from, false),
                to == null ? null : bound("to", to, true));
        List<AuditEntry> rows = queries.find(filter, before, size + 1);
        List<AuditEntry> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next =
                rows.size() > size ? Long.toString(page.get(size - 1).record().id()) : null;
        return new Page(page.stream().map(EntryView::of).toList(), next);
    }

    @GetMapping("/admin/v1/audit/verify")
    public VerificationView verify(CallerIdentity caller) {
        caller.requireStaff(READERS);
        AuditChainVerifier.Verification v = verifier.verify();
        return new VerificationView(
                v.ok(), v.checked(), v.firstBrokenId() == null ? null : Long.toString(v.firstBrokenId()), v.reason());
    }

    @GetMapping({"/admin/v1/exports/audit", "/admin/v1/audit/export"})
    public ResponseEntity<StreamingResponseBody> export(
            CallerIdentity caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false, defaultValue = "csv") String format) {
        caller.requireStaff(READERS);
        if (!format.strip().toLowerCase(Locale.ROOT).equals("csv")) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "审计日志只能导出为 csv");
        }
        if (from == null || to == null) {
            throw new PlatformException.InvalidRequest(
                    ErrorCodes.MISSING_PARAMETER, "请提供 from 和 to(yyyy-MM-dd 或带时区的时间)");
        }
        Instant start = bound("from", from, false);
        Instant end = bound("to", to, true);
        if (!start.isBefore(end)) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "开始时间须早于结束时间");
        }
        StreamingResponseBody body = out -> csv(start, end, out);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("audit-" + from.strip() + "-" + to.strip() + ".csv")
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    private void csv(Instant from, Instant to, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write(String.join(",", HEADERS));
        writer.write("\r\n");
        try {
            queries.forEach(from, to, e -> {
                AuditRecord r = e.record();
                try {
                    writer.write(String.join(
                            ",",
                            Long.toString(r.id()),
                            Long.toString(e.seq()),
                            r.at().toString(),
                            Long.toString(r.actorId()),
                            cell(r.action()),
                            cell(r.targetType()),
                            cell(r.targetId()),
                            cell(r.before()),
                            cell(r.after()),
                            cell(r.reason()),
                            cell(r.requestId()),
                            e.prevHash(),
                            e.hash()));
                    writer.write("\r\n");
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** A date is a business day in Asia/Shanghai ({@code to} includes it); otherwise an ISO time with offset. */
    static Instant bound(String name, String value, boolean end) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(BusinessTime.ZONE)
                        .toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new PlatformException.InvalidRequest(
                    ErrorCodes.INVALID_PARAMETER, "参数 " + name + " 格式应为 yyyy-MM-dd 或带时区的 ISO-8601 时间");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
