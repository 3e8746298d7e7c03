package com.fenxiao.settlement.reconciliation.domain;

import java.util.List;

/**
 * The settlement side of the ledger invariants, read per physical database: each released commission
 * (money credited: AVAILABLE, WITHDRAWN or REVERSED with {@code settled_fen > 0}) has exactly one
 * COMMISSION_SETTLED outbox row {@code settled-<id>}, no settled event lacks its released row, and
 * what each promoter was credited ({@code Σ settled − Σ reversed}) can be read in bounded pages.
 */
public interface LedgerInvariants {

    /** Where the checks run: one entry per physical database, each with its commission tables. */
    List<Partition> partitions();

    EventCounts countEvents(String database);

    /**
     * Up to {@code limit} promoters of one physical commission table with {@code promoterId >
     * afterPromoterId}, in promoter order, with what settlement credited them.
     */
    List<PromoterCredit> creditedPage(String database, int table, long afterPromoterId, int limit);

    record Partition(String database, int tables) {}

    record EventCounts(long released, long missing, long duplicates, long orphans) {

        public EventCounts plus(EventCounts o) {
            return new EventCounts(
                    released + o.released, missing + o.missing, duplicates + o.duplicates, orphans + o.orphans);
        }
    }

    record PromoterCredit(long promoterId, long creditedFen) {}
}
