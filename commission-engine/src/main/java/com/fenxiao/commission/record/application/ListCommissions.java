package com.fenxiao.commission.record.application;

import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.CommissionStatus;
import com.fenxiao.commission.record.domain.Commissions;
import java.util.List;
import org.springframework.stereotype.Service;

/** A promoter's commissions, newest first, by keyset on id within the promoter's one table. */
@Service
public class ListCommissions {

    private final Commissions commissions;

    public ListCommissions(Commissions commissions) {
        this.commissions = commissions;
    }

    public record Page(List<Commission> items, Long nextCursor) {}

    public Page of(long promoterId, CommissionStatus status, Long beforeId, int size) {
        List<Commission> rows = commissions.ofPromoter(promoterId, status, beforeId, size + 1);
        if (rows.size() <= size) {
            return new Page(rows, null);
        }
        List<Commission> page = rows.subList(0, size);
        return new Page(List.copyOf(page), page.get(size - 1).id());
    }
}
