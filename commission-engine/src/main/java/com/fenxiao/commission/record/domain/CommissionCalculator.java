package com.fenxiao.commission.record.domain;

import com.fenxiao.common.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC §4: amount = Σ over items floor(item_paid_fen × rate_bp / 10000), rounded down per item
 * ({@link Money#rateFloor}), on what remains paid after refunds, with the per-item breakdown kept.
 */
public final class CommissionCalculator {

    private CommissionCalculator() {}

    /** An item as the calculator needs it: what was paid, what has been refunded, the rate of this level. */
    public record Line(String itemId, String productId, long paidFen, long refundedFen, int rateBp, String rateSource) {

        public long remainingFen() {
            return Math.max(0, paidFen - Math.min(paidFen, Math.max(0, refundedFen)));
        }
    }

    public record Result(long amountFen, List<ItemShare> breakdown) {}

    public static Result compute(List<Line> lines) {
        List<ItemShare> shares = new ArrayList<>(lines.size());
        Money total = Money.ZERO;
        for (Line line : lines) {
            Money share = Money.ofFen(line.remainingFen()).rateFloor(line.rateBp());
            shares.add(new ItemShare(
                    line.itemId(),
                    line.productId(),
                    line.paidFen(),
                    Math.min(line.paidFen(), Math.max(0, line.refundedFen())),
                    line.rateBp(),
                    share.fen(),
                    line.rateSource()));
            total = total.plus(share);
        }
        return new Result(total.fen(), List.copyOf(shares));
    }
}
