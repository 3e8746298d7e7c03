package com.fenxiao.withdrawal.wallet.domain;

/**
 * A promoter's wallet (SPEC §6): pending (commission not yet released), available (withdrawable),
 * frozen (in a withdrawal under way), withdrawn (paid out), debt (reversals the available balance did
 * not cover; any debt blocks withdrawals). Every bucket is the sum of its ledger deltas.
 */
public record Balances(long pendingFen, long availableFen, long frozenFen, long withdrawnFen, long debtFen) {

    public static final Balances EMPTY = new Balances(0, 0, 0, 0, 0);

    public Balances {
        if (pendingFen < 0 || availableFen < 0 || frozenFen < 0 || withdrawnFen < 0 || debtFen < 0) {
            throw new IllegalStateException("a wallet bucket went negative");
        }
    }

    public Balances apply(Delta d) {
        return new Balances(
                Math.addExact(pendingFen, d.pendingFen()),
                Math.addExact(availableFen, d.availableFen()),
                Math.addExact(frozenFen, d.frozenFen()),
                Math.addExact(withdrawnFen, d.withdrawnFen()),
                Math.addExact(debtFen, d.debtFen()));
    }
}
