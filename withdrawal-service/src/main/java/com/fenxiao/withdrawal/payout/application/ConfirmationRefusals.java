package com.fenxiao.withdrawal.payout.application;

import com.fenxiao.common.error.PlatformException;

/** The stable codes of the member's confirmation endpoints (zh-CN details for the member). */
final class ConfirmationRefusals {

    static final String WITHDRAWAL_NOT_FOUND = "WITHDRAWAL_NOT_FOUND";
    static final String NOT_AWAITING_CONFIRMATION = "WITHDRAWAL_NOT_AWAITING_CONFIRMATION";
    static final String CONFIRMATION_EXPIRED = "WITHDRAWAL_CONFIRMATION_EXPIRED";

    private ConfirmationRefusals() {}

    /** Also for another member's withdrawal: its existence is not revealed. */
    static PlatformException notFound() {
        return new PlatformException.NotFound(WITHDRAWAL_NOT_FOUND, "提现记录不存在");
    }

    static PlatformException notAwaiting() {
        return new PlatformException.Refused(NOT_AWAITING_CONFIRMATION, "该提现当前无需确认收款");
    }

    static PlatformException expired() {
        return new PlatformException.Refused(CONFIRMATION_EXPIRED, "确认收款已超时，款项将退回钱包");
    }
}
