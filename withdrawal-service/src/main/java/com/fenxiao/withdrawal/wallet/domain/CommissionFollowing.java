package com.fenxiao.withdrawal.wallet.domain;

import com.fenxiao.withdrawal.wallet.domain.CommissionPending.State;
import java.util.Optional;

/**
 * The race rules of the wallet (SPEC §6): pending money is tracked per commission. A creation or an
 * adjustment changes that commission's pending amount only while the wallet still sees it pending
 * (and, when versions are known, only forward); a cancellation removes what is pending; a settlement
 * moves the commission's current pending out and credits the released amount to available, whatever
 * arrived before it; a reversal debits available (the rest becomes debt). Each posting's source key
 * is unique, so a replay appends nothing.
 */
public final class CommissionFollowing {

    private CommissionFollowing() {}

    /** What to remember about the commission afterwards (empty: unchanged) and what to post. */
    public record Plan(Optional<CommissionPending> next, Optional<Posting> posting) {
        static Plan nothing() {
            return new Plan(Optional.empty(), Optional.empty());
        }
    }

    /** The ledger source key the change's posting (if any) carries: one change, one possible entry. */
    public static String sourceOf(CommissionChange change) {
        String source = "commission:" + change.commissionId();
        if (change instanceof CommissionChange.Created) {
            return source + ":created";
        }
        if (change instanceof CommissionChange.Adjusted a) {
            return source + ":adjusted:" + a.eventId();
        }
        if (change instanceof CommissionChange.Cancelled) {
            return source + ":cancelled";
        }
        if (change instanceof CommissionChange.Settled) {
            return source + ":settled";
        }
        return source + ":reversed:" + ((CommissionChange.Reversed) change).refundId();
    }

    public static Plan plan(Optional<CommissionPending> current, CommissionChange change, Balances b)
            throws WalletRefused {
        long cid = change.commissionId();
        long promoter = change.promoterId();
        String source = sourceOf(change);
        if (change instanceof CommissionChange.Created c) {
            if (current.isPresent() || c.amountFen() < 0) {
                return Plan.nothing(); // anything already known is the same or a later state
            }
            CommissionPending next = new CommissionPending(cid, promoter, c.amountFen(), State.PENDING, c.version());
            return new Plan(
                    Optional.of(next), posting(EntryType.COMMISSION_CREATED, source, c.amountFen(), c.amountFen(), b));
        }
        if (change instanceof CommissionChange.Adjusted a) {
            if (a.amountFen() < 0) {
                return Plan.nothing();
            }
            if (current.isPresent()) {
                CommissionPending cur = current.get();
                if (cur.state() != State.PENDING
                        || (a.version() != null && cur.version() != null && a.version() <= cur.version())) {
                    return Plan.nothing();
                }
            }
            long delta =
                    a.amountFen() - current.map(CommissionPending::pendingFen).orElse(0L);
            CommissionPending next = new CommissionPending(cid, promoter, a.amountFen(), State.PENDING, a.version());
            return new Plan(
                    Optional.of(next), posting(EntryType.COMMISSION_ADJUSTED, source, Math.abs(delta), delta, b));
        }
        if (change instanceof CommissionChange.Cancelled) {
            if (current.isPresent() && current.get().state() != State.PENDING) {
                return Plan.nothing();
            }
            long pending = current.map(CommissionPending::pendingFen).orElse(0L);
            Integer version = current.map(CommissionPending::version).orElse(null);
            CommissionPending next = new CommissionPending(cid, promoter, 0, State.CANCELLED, version);
            return new Plan(Optional.of(next), posting(EntryType.COMMISSION_CANCELLED, source, pending, -pending, b));
        }
        if (change instanceof CommissionChange.Settled s) {
            if (current.isPresent() && current.get().state() == State.SETTLED) {
                return Plan.nothing();
            }
            long pending = current.filter(p -> p.state() == State.PENDING)
                    .map(CommissionPending::pendingFen)
                    .orElse(0L);
            Integer version = current.map(CommissionPending::version).orElse(null);
            CommissionPending next = new CommissionPending(cid, promoter, 0, State.SETTLED, version);
            long released = Math.max(0, s.amountFen());
            Optional<Posting> posting = pending == 0 && released == 0
                    ? Optional.empty()
                    : Optional.of(new Posting(
                            EntryType.COMMISSION_SETTLED, source, released, Movements.settle(pending, released, b)));
            return new Plan(Optional.of(next), posting);
        }
        CommissionChange.Reversed r = (CommissionChange.Reversed) change;
        if (r.amountFen() <= 0) {
            return Plan.nothing();
        }
        return new Plan(
                Optional.empty(),
                Optional.of(new Posting(
                        EntryType.COMMISSION_REVERSED,
                        source,
                        r.amountFen(),
                        Movements.of(EntryType.COMMISSION_REVERSED, r.amountFen(), b))));
    }

    private static Optional<Posting> posting(
            EntryType type, String source, long amountFen, long pendingDelta, Balances b) throws WalletRefused {
        if (pendingDelta == 0) {
            return Optional.empty();
        }
        return Optional.of(new Posting(type, source, amountFen, Movements.adjustPending(pendingDelta, b)));
    }
}
