package com.fenxiao.withdrawal.export.adapter.web;

import com.fenxiao.common.export.TabularExport;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.withdrawal.export.application.ExportTaxWithholdings;
import com.fenxiao.withdrawal.export.application.ExportWalletLedger;
import com.fenxiao.withdrawal.export.application.ExportWithdrawals;
import com.fenxiao.withdrawal.export.domain.ExportFormat;
import com.fenxiao.withdrawal.export.domain.ExportPeriod;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * SPEC §8 exports of this service (API.md): wallet ledger, withdrawals with fee / tax / net, and the
 * monthly tax withholding per person, as CSV or XLSX, streamed while the rows are read. Parameters
 * and roles are checked before the first byte, so a refusal is still a proper problem answer.
 */
@RestController
class ExportController {

    /** Money and personal data: finance, audit and admin. */
    private static final StaffRole[] LEDGER_READERS = {StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN};
    /** Operations may follow withdrawals too. */
    private static final StaffRole[] WITHDRAWAL_READERS = {
        StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN, StaffRole.OPS
    };

    private final ExportWalletLedger walletLedger;
    private final ExportWithdrawals withdrawals;
    private final ExportTaxWithholdings tax;

    ExportController(ExportWalletLedger walletLedger, ExportWithdrawals withdrawals, ExportTaxWithholdings tax) {
        this.walletLedger = walletLedger;
        this.withdrawals = withdrawals;
        this.tax = tax;
    }

    @GetMapping("/admin/v1/exports/wallet-ledger")
    ResponseEntity<StreamingResponseBody> walletLedger(
            CallerIdentity caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String format) {
        caller.requireStaff(LEDGER_READERS);
        ExportPeriod period = ExportPeriod.parse(from, to);
        ExportFormat kind = ExportFormat.parse(format);
        return file(
                "wallet-ledger",
                period,
                kind,
                "钱包流水",
                ExportSheets.LEDGER_HEADERS,
                sink -> walletLedger.export(period, line -> sink.accept(ExportSheets.ledger(line))));
    }

    @GetMapping("/admin/v1/exports/withdrawals")
    ResponseEntity<StreamingResponseBody> withdrawals(
            CallerIdentity caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String format) {
        caller.requireStaff(WITHDRAWAL_READERS);
        ExportPeriod period = ExportPeriod.parse(from, to);
        ExportFormat kind = ExportFormat.parse(format);
        return file(
                "withdrawals",
                period,
                kind,
                "提现记录",
                ExportSheets.WITHDRAWAL_HEADERS,
                sink -> withdrawals.export(period, line -> sink.accept(ExportSheets.withdrawal(line))));
    }

    @GetMapping("/admin/v1/exports/tax")
    ResponseEntity<StreamingResponseBody> tax(
            CallerIdentity caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String format) {
        caller.requireStaff(LEDGER_READERS);
        ExportPeriod period = ExportPeriod.parse(from, to);
        ExportFormat kind = ExportFormat.parse(format);
        return file(
                "tax",
                period,
                kind,
                "个税代扣",
                ExportSheets.TAX_HEADERS,
                sink -> tax.export(period, line -> sink.accept(ExportSheets.tax(line))));
    }

    private static ResponseEntity<StreamingResponseBody> file(
            String name,
            ExportPeriod period,
            ExportFormat format,
            String sheetName,
            List<String> headers,
            Consumer<TabularExport.Rows> rows) {
        String filename = name + "-" + period.from() + "-" + period.to() + "." + format.extension();
        TabularExport.Format kind = format == ExportFormat.XLSX ? TabularExport.Format.XLSX : TabularExport.Format.CSV;
        StreamingResponseBody body = out -> TabularExport.write(kind, sheetName, headers, rows, out);
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
}
