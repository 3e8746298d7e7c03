package com.fenxiao.commission.record.domain;

import com.fenxiao.common.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC §4: amount = Σ over items floor(item_paid_fen × rate_bp / 10000), rounded per item, with the
 * breakdown kept. Rates here are the global defaults; per-product rules replace them later.
 */
public final class CommissionCalculator {

    private final int level1RateBp;
    private final int level2RateBp;

    public CommissionCalculator(int level1RateBp, int level2RateBp) {
        this.level1RateBp = level1RateBp;
        this.level2RateBp = level2RateBp;
    }

    public record Item(String itemId, String productId, long paidFen) {}

    public int rateOf(int level) {
        return level == 1 ? level1RateBp : level2RateBp;
    }

    public Commission compute(
            long id,
            String orderId,
            String orderNo,
            long promoterId,
            long buyerId,
            int level,
            List<Item> items,
            Instant paidAt,
            Instant now) {
        int rate = rateOf(level);
        List<Commission.ItemShare> shares = new ArrayList<>(items.size());
        Money total = Money.ZERO;
        for (Item item : items) {
            Money share = Money.ofFen(item.paidFen()).rateFloor(rate);
            shares.add(new Commission.ItemShare(item.itemId(), item.productId(), item.paidFen(), rate, share.fen()));
            total = total.plus(share);
        }
        return new Commission(
                id,
                orderId,
                orderNo,
                promoterId,
                buyerId,
                level,
                total.fen(),
                rate,
                shares,
                CommissionStatus.PENDING,
                paidAt,
                now);
    }
}
