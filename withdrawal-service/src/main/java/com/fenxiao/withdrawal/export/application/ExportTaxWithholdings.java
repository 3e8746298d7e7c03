package com.fenxiao.withdrawal.export.application;

import com.fenxiao.withdrawal.export.domain.ExportPeriod;
import com.fenxiao.withdrawal.export.domain.ExportReads;
import com.fenxiao.withdrawal.export.domain.TaxLine;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * SPEC §7/§8: the monthly withholding per person for every tax month the period touches (a period
 * of 2026-11-15 … 2026-12-10 gives November and December in full), identities masked.
 */
@Service
public class ExportTaxWithholdings {

    private final ExportReads reads;

    public ExportTaxWithholdings(ExportReads reads) {
        this.reads = reads;
    }

    public void export(ExportPeriod period, Consumer<TaxLine> sink) {
        reads.taxMonths(period.firstMonth(), period.lastMonth(), sink);
    }
}
