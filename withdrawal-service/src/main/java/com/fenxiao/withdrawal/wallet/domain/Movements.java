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
            case COMMISSION_CANCELLED -> {
                require(b.pendingFen() >= amountFen, Reason.INCONSISTENT);
                yield new Delta(-amountFen, 0, 0, 0, 0);
            }
            case COMMISSION_SETTLED -> {
                require(b.pendingFen() >= amountFen, Reason.INCONSISTENT);
                long toDebt = Math.min(b.debtFen(), amountFen);
                yield new Delta(-amountFen, amountFen - toDebt, 0, 0, -toDebt);
            }
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

    private static void require(boolean condition, Reason reason) throws WalletRefused {
        if (!condition) {
            throw new WalletRefused(reason);
        }
    }
}
