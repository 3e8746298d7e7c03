package com.fenxiao.withdrawal.wallet.application;

import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.withdrawal.wallet.domain.CommissionChange;
import com.fenxiao.withdrawal.wallet.domain.CommissionFollowing;
import com.fenxiao.withdrawal.wallet.domain.CommissionPending;
import com.fenxiao.withdrawal.wallet.domain.CommissionPendings;
import com.fenxiao.withdrawal.wallet.domain.WalletRefused;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies one commission announcement to the promoter's wallet: the event id is recorded, the
 * commission's pending memory updated and the ledger entry appended in one transaction under the
 * wallet row's lock, so a redelivery (or the same change under another event id) changes nothing.
 */
@Service
public class FollowCommission {

    static final String CONSUMER = "wallet-commissions";
    private static final Logger log = LoggerFactory.getLogger(FollowCommission.class);

    public enum Outcome {
        APPLIED,
        DUPLICATE
    }

    private final WalletTransactions transactions;
    private final CommissionPendings pendings;
    private final ProcessedEvents processed;

    public FollowCommission(WalletTransactions transactions, CommissionPendings pendings, ProcessedEvents processed) {
        this.transactions = transactions;
        this.pendings = pendings;
        this.processed = processed;
    }

    public Outcome apply(String eventId, CommissionChange change) {
        long promoter = change.promoterId();
        return transactions.underLock(promoter, balances -> {
            if (!processed.markFirstDelivery(CONSUMER, eventId, promoter)) {
                return Outcome.DUPLICATE;
            }
            Optional<CommissionPending> current = pendings.find(promoter, change.commissionId());
            CommissionFollowing.Plan plan;
            try {
                plan = CommissionFollowing.plan(current, change, balances);
            } catch (WalletRefused e) {
                // the wallet and its per-commission memory disagree: a bug, never silently absorbed
                throw new IllegalStateException(
                        "wallet " + promoter + " cannot apply " + change + ": " + e.getMessage());
            }
            plan.next().ifPresent(pendings::save);
            plan.posting().ifPresent(p -> {
                if (!transactions.post(promoter, p)) {
                    log.info("ledger source {} of promoter {} already posted", p.sourceKey(), promoter);
                }
            });
            return Outcome.APPLIED;
        });
    }
}
