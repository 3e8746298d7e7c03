package com.fenxiao.withdrawal.wallet.application;

import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.Delta;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.Movements;
import com.fenxiao.withdrawal.wallet.domain.WalletRefused;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts one movement to a promoter's wallet: under the wallet row's lock, a source already in the
 * ledger changes nothing; otherwise the movement's rules give the delta, and the ledger entry and the
 * guarded balance update commit together. Concurrent movements of one wallet queue on its row.
 */
@Service
public class PostToWallet {

    public enum Outcome {
        POSTED,
        ALREADY_POSTED
    }

    private final Wallets wallets;
    private final IdGenerator ids;
    private final TransactionTemplate tx;

    public PostToWallet(Wallets wallets, IdGenerator ids, TransactionTemplate tx) {
        this.wallets = wallets;
        this.ids = ids;
        this.tx = tx;
    }

    private static final int ATTEMPTS = 3;

    public Outcome post(long promoterId, EntryType type, String sourceKey, long amountFen) throws WalletRefused {
        // created before the locking transaction: an INSERT on an existing row would take a shared
        // lock that the FOR UPDATE then has to upgrade, which deadlocks under concurrency
        wallets.ensureExists(promoterId);
        for (int attempt = 1; ; attempt++) {
            try {
                return postOnce(promoterId, type, sourceKey, amountFen);
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Outcome postOnce(long promoterId, EntryType type, String sourceKey, long amountFen) throws WalletRefused {
        try {
            return tx.execute(status -> {
                Balances balances = wallets.lock(promoterId);
                if (wallets.hasEntry(promoterId, sourceKey)) {
                    return Outcome.ALREADY_POSTED;
                }
                Delta delta;
                try {
                    delta = Movements.of(type, amountFen, balances);
                } catch (WalletRefused refused) {
                    throw new Refusal(refused);
                }
                if (!wallets.append(ids.nextId(), promoterId, type, sourceKey, amountFen, delta)) {
                    return Outcome.ALREADY_POSTED;
                }
                return Outcome.POSTED;
            });
        } catch (Refusal r) {
            throw r.refused;
        }
    }

    /** Carries a refusal out of the transaction callback, rolling it back. */
    private static final class Refusal extends RuntimeException {
        private final WalletRefused refused;

        Refusal(WalletRefused refused) {
            super(refused.getMessage(), null, false, false);
            this.refused = refused;
        }
    }
}
