package com.fenxiao.withdrawal.payout.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.StaffRole;
import com.fenxiao.common.web.RequestIds;
import com.fenxiao.withdrawal.payout.application.ExportBankBatch;
import com.fenxiao.withdrawal.payout.application.MarkBankPaid;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bank payouts: finance downloads a batch file (CSV, UTF-8 with BOM for spreadsheet tools), then marks lines paid. */
@RestController
class BankPayoutController {

    private final ExportBankBatch export;
    private final MarkBankPaid markPaid;

    BankPayoutController(ExportBankBatch export, MarkBankPaid markPaid) {
        this.export = export;
        this.markPaid = markPaid;
    }

    @PostMapping("/admin/v1/withdrawals/bank-batches")
    ResponseEntity<byte[]> batch(CallerIdentity caller) {
        ExportBankBatch.Batch batch =
                export.export(caller.requireStaff(StaffRole.FINANCE, StaffRole.ADMIN), RequestIds.current());
        StringBuilder csv = new StringBuilder(
                "\uFEFFbatch_id,withdrawal_id,promoter_id,payee_name,amount_fen,fee_fen,tax_fen,net_fen\r\n");
        for (ExportBankBatch.Line line : batch.lines()) {
            Withdrawal w = line.withdrawal();
            csv.append(String.join(
                            ",",
                            batch.id(),
                            Long.toString(w.id()),
                            Long.toString(w.promoterId()),
                            csvField(line.payeeName()),
                            Long.toString(w.amountFen()),
                            Long.toString(w.feeFen()),
                            Long.toString(w.taxFen()),
                            Long.toString(w.netFen())))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + batch.id() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/admin/v1/withdrawals/{id}/mark-paid")
    Map<String, Object> markPaid(CallerIdentity caller, @PathVariable long id, @Valid @RequestBody MarkPaidBody body) {
        long staff = caller.requireStaff(StaffRole.FINANCE, StaffRole.ADMIN);
        Withdrawal w = markPaid.markPaid(staff, id, body.bankReference(), RequestIds.current());
        return Map.of("id", Long.toString(w.id()), "status", w.status().name(), "bankReference", w.bankReference());
    }

    static String csvField(String s) {
        String v = s == null ? "" : s;
        // a leading formula character would be executed by spreadsheet tools
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
