package com.fenxiao.settlement.release.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What each run did per shard, for the operations view. */
public interface ReleaseRuns {

    long started(ReleaseShard shard, String instance, String trigger, Instant at);

    void finished(long runId, int released, int held, String outcome, String error, Instant at);

    record Run(
            long id,
            String shard,
            String instance,
            String trigger,
            Instant startedAt,
            Instant finishedAt,
            int released,
            int held,
            String outcome,
            String error) {}

    List<Run> recent(int limit);

    record DayCount(LocalDate day, long count, long amountFen) {}

    /** Commissions released per business day (AVAILABLE or later), newest first. */
    List<DayCount> releasedPerDay(LocalDate from, LocalDate to);

    record Due(long count, long amountFen, Long oldestDueMs) {}

    /** Known pending commissions due now and not held. */
    Due dueNow(Instant now);

    /** Commissions waiting for an operator (held), in and after their window. */
    Due held();
}
