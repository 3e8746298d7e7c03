package com.fenxiao.settlement.commission.application;

import com.fenxiao.common.persistence.DatabaseProperties;
import com.fenxiao.common.persistence.ShardRouting;
import com.fenxiao.common.time.BusinessTime;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import com.fenxiao.settlement.reconciliation.domain.ReconciliationTotals;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        Map<String, Long> delta = delta(before, after);
        if (delta.isEmpty() || after.paidAt() == null) {
            return;
        }
        totals.addCommission(
                ShardRouting.slot(after.promoterId(), databases, tables), BusinessTime.dateOf(after.paidAt()), delta);
    }

    /** The moves of a batch on one database, summed by totals row, written once by {@link Moves#flush}. */
    public Moves moves() {
        return new Moves();
    }

    public final class Moves {
        private final Map<ReconciliationTotals.DayProduct, Long> sums = new LinkedHashMap<>();

        private Moves() {}

        public void add(SettledCommission before, SettledCommission after) {
            if (after.paidAt() == null) {
                return;
            }
            long slot = ShardRouting.slot(after.promoterId(), databases, tables);
            java.time.LocalDate day = BusinessTime.dateOf(after.paidAt());
            delta(before, after)
                    .forEach((product, fen) ->
                            sums.merge(new ReconciliationTotals.DayProduct(slot, day, product), fen, Math::addExact));
        }

        public void flush(com.fenxiao.common.shard.Shards.Shard shard) {
            sums.values().removeIf(v -> v == 0);
            if (!sums.isEmpty()) {
                totals.addCommissions(shard, sums);
            }
        }
    }

    private static Map<String, Long> delta(SettledCommission before, SettledCommission after) {
        Map<String, Long> delta = new HashMap<>();
        before.contribution().forEach((p, fen) -> delta.merge(p, -fen, Math::addExact));
        after.contribution().forEach((p, fen) -> delta.merge(p, fen, Math::addExact));
        delta.values().removeIf(v -> v == 0);
        return delta;
    }
}
