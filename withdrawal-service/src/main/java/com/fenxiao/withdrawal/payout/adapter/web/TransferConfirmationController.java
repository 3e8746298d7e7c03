package com.fenxiao.withdrawal.payout.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.withdrawal.payout.application.ReportTransferConfirmation;
import com.fenxiao.withdrawal.payout.application.ShowTransferConfirmation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's side of a WeChat bill that waits for confirmation (转账到零钱, WAIT_USER_CONFIRM): what the
 * mini-program passes to {@code wx.requestMerchantTransfer}, and how that call ended. Only the owner sees
 * the withdrawal (404 otherwise, like a missing one).
 */
@RestController
@Tag(name = "withdrawal confirmation", description = "mini-program confirmation of a WeChat transfer bill")
class TransferConfirmationController {

    private final ShowTransferConfirmation show;
    private final ReportTransferConfirmation report;

    TransferConfirmationController(ShowTransferConfirmation show, ReportTransferConfirmation report) {
        this.show = show;
        this.report = report;
    }

    @GetMapping("/api/v1/me/withdrawals/{id}/confirmation")
    @Operation(
            summary = "Arguments of wx.requestMerchantTransfer for the caller's withdrawal awaiting confirmation",
            responses = {
                @ApiResponse(responseCode = "200", description = "mchId, appId, package, expiresAt"),
                @ApiResponse(
                        responseCode = "404",
                        description = "WITHDRAWAL_NOT_FOUND: no such withdrawal of the caller",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "409",
                        description = "WITHDRAWAL_NOT_AWAITING_CONFIRMATION (no bill waiting for the member) or"
                                + " WITHDRAWAL_CONFIRMATION_EXPIRED (window passed, funds about to return)",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
            })
    ConfirmationView confirmation(
            CallerIdentity caller, @Parameter(description = "withdrawal id") @PathVariable long id) {
        return ConfirmationView.of(show.show(caller.requireMember(), id));
    }

    @PostMapping("/api/v1/me/withdrawals/{id}/confirmation")
    @Operation(
            summary = "Report how wx.requestMerchantTransfer ended (CONFIRMED, CANCELLED, FAILED)",
            description = "Recorded once per bill and result in the withdrawal's history; money moves only on"
                    + " WeChat Pay's bill state, which is queried now. CANCELLED also cancels a bill still"
                    + " waiting, so the frozen amount returns to the wallet at once.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the withdrawal's state after the query"),
                @ApiResponse(
                        responseCode = "400",
                        description = "VALIDATION_FAILED / MALFORMED_BODY: result missing or unknown",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "404",
                        description = "WITHDRAWAL_NOT_FOUND",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "409",
                        description = "WITHDRAWAL_NOT_AWAITING_CONFIRMATION: no WeChat bill was ever sent for it",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
            })
    ConfirmationReportView report(
            CallerIdentity caller,
            @Parameter(description = "withdrawal id") @PathVariable long id,
            @Valid @RequestBody ConfirmationBody body) {
        return ConfirmationReportView.of(report.report(caller.requireMember(), id, body.result(), body.errMsg()));
    }
}
