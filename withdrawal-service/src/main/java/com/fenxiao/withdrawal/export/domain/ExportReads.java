package com.fenxiao.withdrawal.export.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.function.Consumer;

/**
 * The rows behind the exports, handed to a sink one at a time in a stable order. Implementations read
 * bounded pages, so an export of any range holds only a few pages in memory.
 */
public interface ExportReads {

    /** Ledger entries created within [from, to), oldest first. */
    void ledger(Instant from, Instant to, Consumer<LedgerLine> sink);

    /** Withdrawals requested within [from, to), oldest first. */
    void withdrawals(Instant from, Instant to, Consumer<WithdrawalLine> sink);

    /** Non-voided withholdings per person per month within [from, to], by month then person. */
    void taxMonths(YearMonth from, YearMonth to, Consumer<TaxLine> sink);
}
