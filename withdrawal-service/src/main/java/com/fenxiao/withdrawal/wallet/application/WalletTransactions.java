package com.fenxiao.withdrawal.wallet.application;

import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.Posting;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way money moves in a wallet: a local transaction that first locks the promoter's wallet row,
 * so every movement of one wallet (and whatever it is decided with: a withdrawal row, its outbox
 * event, a processed-event mark) queues behind the previous one. A deadlock victim is retried whole.
 */
@Service
public class WalletTransactions {

    private static final int ATTEMPTS = 3;

    private final Wallets wallets;
    private final IdGenerator ids;
    private final TransactionTemplate tx;

    public WalletTransactions(Wallets wallets, IdGenerator ids, TransactionTemplate tx) {
        this.wallets = wallets;
        this.ids = ids;
        this.tx = tx;
    }

    /** Work done while the wallet row is locked; it receives the balances as locked. */
    @FunctionalInterface
    public interface LockedWork<T> {
        T run(Balances locked);
    }

    public <T> T underLock(long promoterId, LockedWork<T> work) {
        // created before the locking transaction: an INSERT on an existing row would take a shared
        // lock that the FOR UPDATE then has to upgrade, which deadlocks under concurrency
        wallets.ensureExists(promoterId);
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.run(wallets.lock(promoterId)));
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Like {@link #underLock}, for a member's own request, which must write nothing when refused: a member
     * without a wallet row has nothing to freeze, so the work runs on empty balances (and refuses) without
     * creating the row; a credit arriving meanwhile only means the member asks again.
     */
    public <T> T underLockWithoutCreating(long promoterId, LockedWork<T> work) {
        if (wallets.exists(promoterId)) {
            return underLock(promoterId, work);
        }
        return tx.execute(status -> work.run(Balances.EMPTY));
    }

    /** Appends a posting inside {@link #underLock}; false when its source was already in the ledger. */
    public boolean post(long promoterId, Posting posting) {
        return wallets.append(
                ids.nextId(), promoterId, posting.type(), posting.sourceKey(), posting.amountFen(), posting.delta());
    }
}
