package com.fenxiao.withdrawal.payout.domain;

/** One transfer to a member's WeChat balance (scene 佣金报酬). {@code realName} only above the API's threshold. */
public record TransferRequest(String outBillNo, String openid, long amountFen, String remark, String realName) {

    @Override
    public String toString() {
        return "TransferRequest[" + outBillNo + ", " + amountFen + " fen]";
    }
}
