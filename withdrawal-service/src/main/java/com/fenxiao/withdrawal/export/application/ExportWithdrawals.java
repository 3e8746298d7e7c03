package com.fenxiao.withdrawal.export.application;

import com.fenxiao.withdrawal.export.domain.ExportPeriod;
import com.fenxiao.withdrawal.export.domain.ExportReads;
import com.fenxiao.withdrawal.export.domain.WithdrawalLine;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** SPEC §8: the withdrawals requested in the period with fee, tax and net, oldest first. */
@Service
public class ExportWithdrawals {

    private final ExportReads reads;

    public ExportWithdrawals(ExportReads reads) {
        this.reads = reads;
    }

    public void export(ExportPeriod period, Consumer<WithdrawalLine> sink) {
        reads.withdrawals(period.startsAt(), period.endsBefore(), sink);
    }
}
