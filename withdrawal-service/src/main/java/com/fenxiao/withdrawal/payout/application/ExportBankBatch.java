package com.fenxiao.withdrawal.payout.application;

import com.fenxiao.withdrawal.identity.domain.IdNumberVault;
import com.fenxiao.withdrawal.identity.domain.Identities;
import com.fenxiao.withdrawal.request.application.ListWithdrawals;
import com.fenxiao.withdrawal.request.application.StaffAction;
import com.fenxiao.withdrawal.request.application.WithdrawalSteps;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Finance takes the approved bank withdrawals as one batch (SPEC §6): each moves to BANK_EXPORTED under
 * the batch id, so a second download never lists it again; the file names the payee and the net amount.
 * Each line's move is audited with the batch id.
 */
@Service
public class ExportBankBatch {

    public record Line(Withdrawal withdrawal, String payeeName) {}

    public record Batch(String id, List<Line> lines) {}

    private final ListWithdrawals list;
    private final WithdrawalSteps steps;
    private final Identities identities;
    private final IdNumberVault vault;
    private final Clock clock;

    public ExportBankBatch(
            ListWithdrawals list, WithdrawalSteps steps, Identities identities, IdNumberVault vault, Clock clock) {
        this.list = list;
        this.steps = steps;
        this.identities = identities;
        this.vault = vault;
        this.clock = clock;
    }

    public Batch export(long staffId, String requestId) {
        String batchId = "B" + clock.millis() + "S" + staffId;
        List<Line> lines = new ArrayList<>();
        for (Withdrawal w : list.list(null, WithdrawalStatus.APPROVED, Channel.BANK, null, 100)) {
            steps.change(
                            w.promoterId(),
                            w.id(),
                            Set.of(WithdrawalStatus.APPROVED),
                            "staff:" + staffId,
                            "BANK_EXPORTED",
                            x -> x.withBank(batchId, null).withStatus(WithdrawalStatus.BANK_EXPORTED, x.updatedAt()),
                            false,
                            new StaffAction(staffId, "WITHDRAWAL_BANK_EXPORTED", "批次 " + batchId, requestId))
                    .ifPresent(x -> lines.add(new Line(
                            x,
                            identities
                                    .encryptedNameOf(x.promoterId())
                                    .map(vault::decrypt)
                                    .orElse(""))));
        }
        return new Batch(batchId, lines);
    }
}
