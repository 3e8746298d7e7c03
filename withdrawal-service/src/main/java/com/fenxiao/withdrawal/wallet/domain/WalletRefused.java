package com.fenxiao.withdrawal.wallet.domain;

/** A movement the wallet cannot make in its current state. */
public final class WalletRefused extends Exception {

    public enum Reason {
        INSUFFICIENT_AVAILABLE,
        BLOCKED_BY_DEBT,
        INCONSISTENT
    }

    private final Reason reason;

    public WalletRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
