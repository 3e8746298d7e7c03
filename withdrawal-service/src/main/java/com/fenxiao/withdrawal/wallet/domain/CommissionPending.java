package com.fenxiao.withdrawal.wallet.domain;

/**
 * What the wallet holds pending for one commission. Once the commission is settled or cancelled the
 * wallet remembers it, so a late or reordered announcement cannot put pending money back.
 */
public record CommissionPending(long commissionId, long promoterId, long pendingFen, State state, Integer version) {

    public enum State {
        PENDING,
        SETTLED,
        CANCELLED
    }

    public CommissionPending {
        if (pendingFen < 0 || (state != State.PENDING && pendingFen != 0)) {
            throw new IllegalArgumentException("pending " + pendingFen + " in state " + state);
        }
    }
}
