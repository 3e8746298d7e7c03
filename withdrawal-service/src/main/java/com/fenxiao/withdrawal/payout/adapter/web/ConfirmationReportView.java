package com.fenxiao.withdrawal.payout.adapter.web;

import com.fenxiao.withdrawal.payout.application.ReportTransferConfirmation;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a member's confirmation report: the withdrawal's state after WeChat Pay was asked. */
public record ConfirmationReportView(
        String withdrawalId,
        @Schema(description = "the withdrawal's status now (PAYING, PAID, FAILED)") String status,
        @Schema(description = "the bill's last known WeChat Pay state") String billState,
        String result,
        @Schema(description = "false when the same result was reported before for this bill (nothing recorded)")
                boolean recorded) {

    static ConfirmationReportView of(ReportTransferConfirmation.Reported r) {
        return new ConfirmationReportView(
                Long.toString(r.withdrawal().id()),
                r.withdrawal().status().name(),
                r.withdrawal().billState(),
                r.result().name(),
                r.firstReport());
    }
}
