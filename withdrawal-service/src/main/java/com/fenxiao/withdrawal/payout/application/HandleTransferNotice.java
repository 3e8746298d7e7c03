package com.fenxiao.withdrawal.payout.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.withdrawal.payout.domain.Bill;
import com.fenxiao.withdrawal.payout.domain.BillNumbers;
import com.fenxiao.withdrawal.payout.domain.NoticeRefused;
import com.fenxiao.withdrawal.payout.domain.TransferNotices;
import com.fenxiao.withdrawal.request.domain.Withdrawals;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A transfer-bill callback: refused unless signed by WeChat Pay within the timestamp window; its
 * decrypted state is applied like a query's. A duplicate finds the withdrawal already moved and
 * changes nothing.
 */
@Service
public class HandleTransferNotice {

    private static final Logger log = LoggerFactory.getLogger(HandleTransferNotice.class);

    private final TransferNotices notices;
    private final Withdrawals withdrawals;
    private final BillOutcomes outcomes;

    public HandleTransferNotice(TransferNotices notices, Withdrawals withdrawals, BillOutcomes outcomes) {
        this.notices = notices;
        this.withdrawals = withdrawals;
        this.outcomes = outcomes;
    }

    public void handle(Map<String, String> headers, String body) {
        Bill bill;
        try {
            bill = notices.read(headers, body);
        } catch (NoticeRefused e) {
            log.warn("transfer notice refused: {}", e.getMessage());
            throw new PlatformException.Unauthenticated("NOTICE_SIGNATURE_INVALID", "通知验签失败");
        }
        OptionalLong id = BillNumbers.withdrawalOf(bill.outBillNo());
        if (id.isEmpty()) {
            log.warn("transfer notice for a bill that is not ours: {}", bill.outBillNo());
            return;
        }
        withdrawals.byId(id.getAsLong()).ifPresent(w -> outcomes.apply(w, bill));
    }
}
