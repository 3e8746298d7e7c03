package com.fenxiao.commission.record.adapter.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * One line of a promoter's commission list: its source, level, amount, status, expected release; a held
 * commission says why ({@code holdReason}, a stable code) and what that means for the member ({@code
 * holdNote}).
 */
public record MyCommissionView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        String orderNo,
        String buyerNickname,
        int level,
        long amountFen,
        String status,
        boolean held,
        String holdReason,
        String holdNote,
        Instant createdAt,
        Instant expectedReleaseAt) {

    /** The member-facing text of a hold reason; null when the commission is not held. */
    static String noteOf(boolean held, String holdReason) {
        if (!held) {
            return null;
        }
        return switch (holdReason == null ? "" : holdReason) {
            case "EARNER_DISABLED" -> "账号已停用,该笔佣金暂缓发放,待人工审核";
            case "BUYER_FLAGGED", "PROMOTER_FLAGGED" -> "该笔佣金触发风控审核,待人工审核后发放";
            default -> "该笔佣金待人工审核";
        };
    }
}
