package com.fenxiao.withdrawal.wallet.application;

import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.WalletBalances;
import org.springframework.stereotype.Service;

/** A member's own balances; a member who never earned has an empty wallet, not a missing one. */
@Service
public class ShowWallet {

    private final WalletBalances balances;

    public ShowWallet(WalletBalances balances) {
        this.balances = balances;
    }

    public Balances of(long promoterId) {
        return balances.of(promoterId).orElse(Balances.EMPTY);
    }
}
