package com.fenxiao.withdrawal.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.withdrawal.wallet.domain.CommissionPending.State;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommissionFollowingTest {

    private static final long C = 77, P = 5;

    /** Applies changes in order, as the wallet would, and returns the balances. */
    private static final class Wallet {
        Balances balances = Balances.EMPTY;
        Optional<CommissionPending> memory = Optional.empty();
        final java.util.Set<String> sources = new java.util.HashSet<>();

        Wallet apply(CommissionChange change) throws WalletRefused {
            CommissionFollowing.Plan plan = CommissionFollowing.plan(memory, change, balances);
            if (plan.next().isPresent()) {
                memory = plan.next();
            }
            if (plan.posting().isPresent() && sources.add(plan.posting().get().sourceKey())) {
                balances = balances.apply(plan.posting().get().delta());
            }
            return this;
        }
    }

    @Test
    void a_commission_is_pending_then_available_once_settled() throws WalletRefused {
        Wallet w = new Wallet()
                .apply(new CommissionChange.Created(C, P, 1_671, 1))
                .apply(new CommissionChange.Settled(C, P, 1_671));
        assertThat(w.balances).isEqualTo(new Balances(0, 1_671, 0, 0, 0));
        assertThat(w.memory.get().state()).isEqualTo(State.SETTLED);
        // a second settled announcement (another event id) credits nothing
        w.apply(new CommissionChange.Settled(C, P, 1_671));
        assertThat(w.balances).isEqualTo(new Balances(0, 1_671, 0, 0, 0));
    }

    @Test
    void an_adjustment_while_pending_moves_the_pending_amount_and_an_older_version_is_ignored() throws WalletRefused {
        Wallet w = new Wallet()
                .apply(new CommissionChange.Created(C, P, 1_671, 1))
                .apply(new CommissionChange.Adjusted(C, P, 875, 3, "e3"))
                .apply(new CommissionChange.Adjusted(C, P, 1_000, 2, "e2"));
        assertThat(w.balances).isEqualTo(new Balances(875, 0, 0, 0, 0));
    }

    @Test
    void a_late_adjustment_or_cancellation_after_settlement_changes_nothing() throws WalletRefused {
        Wallet w = new Wallet()
                .apply(new CommissionChange.Created(C, P, 1_000, 1))
                .apply(new CommissionChange.Settled(C, P, 1_000))
                .apply(new CommissionChange.Adjusted(C, P, 400, 2, "late"))
                .apply(new CommissionChange.Cancelled(C, P));
        assertThat(w.balances).isEqualTo(new Balances(0, 1_000, 0, 0, 0));
    }

    @Test
    void a_settlement_before_the_creation_credits_available_and_the_late_creation_adds_no_pending()
            throws WalletRefused {
        Wallet w = new Wallet()
                .apply(new CommissionChange.Settled(C, P, 600))
                .apply(new CommissionChange.Created(C, P, 1_000, 1));
        assertThat(w.balances).isEqualTo(new Balances(0, 600, 0, 0, 0));
    }

    @Test
    void a_settlement_racing_an_adjustment_moves_the_current_pending_out_and_credits_the_released_amount()
            throws WalletRefused {
        Wallet w = new Wallet()
                .apply(new CommissionChange.Created(C, P, 1_000, 1))
                .apply(new CommissionChange.Adjusted(C, P, 700, 2, "e2"))
                .apply(new CommissionChange.Settled(C, P, 1_000));
        assertThat(w.balances).isEqualTo(new Balances(0, 1_000, 0, 0, 0));
    }

    @Test
    void a_cancellation_removes_the_pending_amount_and_a_late_creation_does_not_restore_it() throws WalletRefused {
        Wallet w = new Wallet()
                .apply(new CommissionChange.Created(C, P, 1_000, 1))
                .apply(new CommissionChange.Cancelled(C, P));
        assertThat(w.balances).isEqualTo(Balances.EMPTY);
        Wallet reordered = new Wallet()
                .apply(new CommissionChange.Cancelled(C, P))
                .apply(new CommissionChange.Created(C, P, 1_000, 1));
        assertThat(reordered.balances).isEqualTo(Balances.EMPTY);
    }

    @Test
    void a_reversal_after_release_debits_available_and_the_rest_becomes_debt_once_per_refund() throws WalletRefused {
        Wallet w = new Wallet()
                .apply(new CommissionChange.Created(C, P, 1_000, 1))
                .apply(new CommissionChange.Settled(C, P, 1_000))
                .apply(new CommissionChange.Reversed(C, P, "R1", 300))
                .apply(new CommissionChange.Reversed(C, P, "R1", 300));
        assertThat(w.balances).isEqualTo(new Balances(0, 700, 0, 0, 0));
        w.apply(new CommissionChange.Reversed(C, P, "R2", 1_000));
        assertThat(w.balances).isEqualTo(new Balances(0, 0, 0, 0, 300));
    }
}
