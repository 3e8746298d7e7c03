package com.fenxiao.withdrawal.wallet.application;

import com.fenxiao.withdrawal.wallet.domain.Delta;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.Movements;
import com.fenxiao.withdrawal.wallet.domain.Posting;
import com.fenxiao.withdrawal.wallet.domain.WalletRefused;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import org.springframework.stereotype.Service;

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

    private final WalletTransactions transactions;
    private final Wallets wallets;

    public PostToWallet(WalletTransactions transactions, Wallets wallets) {
        this.transactions = transactions;
        this.wallets = wallets;
    }

    public Outcome post(long promoterId, EntryType type, String sourceKey, long amountFen) throws WalletRefused {
        try {
            return transactions.underLock(promoterId, balances -> {
                if (wallets.hasEntry(promoterId, sourceKey)) {
                    return Outcome.ALREADY_POSTED;
                }
                Delta delta;
                try {
                    delta = Movements.of(type, amountFen, balances);
                } catch (WalletRefused refused) {
                    throw new Refusal(refused);
                }
                return transactions.post(promoterId, new Posting(type, sourceKey, amountFen, delta))
                        ? Outcome.POSTED
                        : Outcome.ALREADY_POSTED;
            });
        } catch (Refusal r) {
            throw r.refused;
        }
    }

    /** Carries a refusal out of the transaction callback, rolling it back. */
    static final class Refusal extends RuntimeException {
        final WalletRefused refused;

        Refusal(WalletRefused refused) {
            super(refused.getMessage(), null, false, false);
            this.refused = refused;
        }
    }
}
