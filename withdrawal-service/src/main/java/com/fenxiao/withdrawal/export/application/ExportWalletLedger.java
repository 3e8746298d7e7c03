package com.fenxiao.withdrawal.export.application;

import com.fenxiao.withdrawal.export.domain.ExportPeriod;
import com.fenxiao.withdrawal.export.domain.ExportReads;
import com.fenxiao.withdrawal.export.domain.LedgerLine;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** SPEC §8: every wallet ledger entry of the period, oldest first, one at a time. */
@Service
public class ExportWalletLedger {

    private final ExportReads reads;

    public ExportWalletLedger(ExportReads reads) {
        this.reads = reads;
    }

    public void export(ExportPeriod period, Consumer<LedgerLine> sink) {
        reads.ledger(period.startsAt(), period.endsBefore(), sink);
    }
}
