package com.fenxiao.withdrawal.wallet.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.withdrawal.wallet.application.ShowWallet;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WalletController {

    private final ShowWallet showWallet;

    WalletController(ShowWallet showWallet) {
        this.showWallet = showWallet;
    }

    /** API.md: the caller's own wallet, never anyone else's (the id comes from the verified token). */
    @GetMapping("/api/v1/me/wallet")
    WalletView mine(CallerIdentity caller) {
        Balances b = showWallet.of(caller.requireMember());
        return new WalletView(b.pendingFen(), b.availableFen(), b.frozenFen(), b.withdrawnFen(), b.debtFen());
    }

    record WalletView(long pendingFen, long availableFen, long frozenFen, long withdrawnFen, long debtFen) {}
}
