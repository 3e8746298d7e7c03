package com.fenxiao.settlement.commission.application;

import com.fenxiao.common.persistence.DatabaseProperties;
import com.fenxiao.common.persistence.ShardRouting;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationTotals;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Keeps reconciliation's commission per day and product in step with every change of what a commission
 * contributes, in the promoter's database (so in the transaction of the change).
 */
@Component
public class CommissionTotals {

    private final ReconciliationTotals totals;
    private final int databases;
    private final int tables;

    public CommissionTotals(ReconciliationTotals totals, DatabaseProperties database) {
        this.totals = totals;
        this.databases = database.databaseCount();
        this.tables = database.getTablesPerDatabase();
    }

    public void move(SettledCommission before, SettledCommission after) {
        Map<String, Long> delta = new HashMap<>();
        before.contribution().forEach((p, fen) -> delta.merge(p, -fen, Math::addExact));
        after.contribution().forEach((p, fen) -> delta.merge(p, fen, Math::addExact));
        delta.values().removeIf(v -> v == 0);
        if (delta.isEmpty() || after.paidAt() == null) {
            return;
        }
        totals.addCommission(
                ShardRouting.slot(after.promoterId(), databases, tables), BusinessTime.dateOf(after.paidAt()), delta);
    }
}
