package com.fenxiao.withdrawal.wallet.domain;

import com.fenxiao.withdrawal.wallet.domain.WalletRefused.Reason;

/**
 * The rules of each movement, as deltas computed from the balances the movement starts from (read
 * under the wallet row's lock). Released commission pays debt first; a reversal takes what is
 * available and records the rest as debt.
 */
public final class Movements {

    private Movements() {}

    public static Delta of(EntryType type, long amountFen, Balances b) throws WalletRefused {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amountFen);
        }
        return switch (type) {
            case COMMISSION_CREATED -> new Delta(amountFen, 0, 0, 0, 0);
            case COMMISSION_ADJUSTED -> adjustPending(amountFen, b);
            case COMMISSION_CANCELLED -> {
                require(b.pendingFen() >= amountFen, Reason.INCONSISTENT);
                yield new Delta(-amountFen, 0, 0, 0, 0);
            }
            case COMMISSION_SETTLED -> settle(amountFen, amountFen, b);
            case COMMISSION_REVERSED -> {
                long fromAvailable = Math.min(b.availableFen(), amountFen);
                yield new Delta(0, -fromAvailable, 0, 0, amountFen - fromAvailable);
            }
            case WITHDRAWAL_FROZEN -> {
                require(b.debtFen() == 0, Reason.BLOCKED_BY_DEBT);
                require(b.availableFen() >= amountFen, Reason.INSUFFICIENT_AVAILABLE);
                yield new Delta(0, -amountFen, amountFen, 0, 0);
            }
            case WITHDRAWAL_RELEASED -> {
                require(b.frozenFen() >= amountFen, Reason.INCONSISTENT);
                yield new Delta(0, amountFen, -amountFen, 0, 0);
            }
            case WITHDRAWAL_PAID -> {
                require(b.frozenFen() >= amountFen, Reason.INCONSISTENT);
                yield new Delta(0, 0, -amountFen, amountFen, 0);
            }
        };
    }

    /**
     * A commission's pending amount changed while it was still pending (an adjustment or a partial
     * refund before release): the pending bucket follows, by a signed delta.
     */
    public static Delta adjustPending(long deltaFen, Balances b) throws WalletRefused {
        require(b.pendingFen() + deltaFen >= 0, Reason.INCONSISTENT);
        return new Delta(deltaFen, 0, 0, 0, 0);
    }

    /**
     * A commission is released: what the wallet still holds pending for it leaves pending, and the
     * released amount (settlement's figure, which may differ after a race) becomes available, paying
     * debt first.
     */
    public static Delta settle(long pendingFen, long releasedFen, Balances b) throws WalletRefused {
        if (pendingFen < 0 || releasedFen < 0) {
            throw new IllegalArgumentException("negative settlement: " + pendingFen + ", " + releasedFen);
        }
        require(b.pendingFen() >= pendingFen, Reason.INCONSISTENT);
        long toDebt = Math.min(b.debtFen(), releasedFen);
        return new Delta(-pendingFen, releasedFen - toDebt, 0, 0, -toDebt);
    }

    private static void require(boolean condition, Reason reason) throws WalletRefused {
        if (!condition) {
            throw new WalletRefused(reason);
        }
    }
}
