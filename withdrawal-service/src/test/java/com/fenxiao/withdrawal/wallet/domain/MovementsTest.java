package com.fenxiao.withdrawal.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MovementsTest {

    private static Balances after(Balances b, EntryType type, long amount) throws WalletRefused {
        return b.apply(Movements.of(type, amount, b));
    }

    @Test
    void a_commission_moves_from_pending_to_available_when_settled() throws WalletRefused {
        Balances b = after(Balances.EMPTY, EntryType.COMMISSION_CREATED, 1_671);
        assertThat(b).isEqualTo(new Balances(1_671, 0, 0, 0, 0));
        assertThat(after(b, EntryType.COMMISSION_SETTLED, 1_671)).isEqualTo(new Balances(0, 1_671, 0, 0, 0));
    }

    @Test
    void a_reversal_takes_what_is_available_and_records_the_rest_as_debt_which_blocks_withdrawals()
            throws WalletRefused {
        Balances b = new Balances(0, 300, 0, 0, 0);
        Balances reversed = after(b, EntryType.COMMISSION_REVERSED, 1_000);
        assertThat(reversed).isEqualTo(new Balances(0, 0, 0, 0, 700));
        assertThatThrownBy(() -> Movements.of(EntryType.WITHDRAWAL_FROZEN, 1, new Balances(0, 500, 0, 0, 700)))
                .isInstanceOfSatisfying(WalletRefused.class, e -> assertThat(e.reason())
                        .isEqualTo(WalletRefused.Reason.BLOCKED_BY_DEBT));
    }

    @Test
    void a_later_release_pays_the_debt_first() throws WalletRefused {
        Balances b = new Balances(1_000, 0, 0, 0, 700);
        assertThat(after(b, EntryType.COMMISSION_SETTLED, 1_000)).isEqualTo(new Balances(0, 300, 0, 0, 0));
        assertThat(after(new Balances(500, 0, 0, 0, 700), EntryType.COMMISSION_SETTLED, 500))
                .isEqualTo(new Balances(0, 0, 0, 0, 200));
    }

    @Test
    void a_withdrawal_freezes_then_pays_or_returns_the_funds() throws WalletRefused {
        Balances frozen = after(new Balances(0, 1_000, 0, 0, 0), EntryType.WITHDRAWAL_FROZEN, 600);
        assertThat(frozen).isEqualTo(new Balances(0, 400, 600, 0, 0));
        assertThat(after(frozen, EntryType.WITHDRAWAL_PAID, 600)).isEqualTo(new Balances(0, 400, 0, 600, 0));
        assertThat(after(frozen, EntryType.WITHDRAWAL_RELEASED, 600)).isEqualTo(new Balances(0, 1_000, 0, 0, 0));
    }

    @Test
    void refuses_to_freeze_more_than_is_available_and_movements_that_do_not_match_the_balances() {
        assertThatThrownBy(() -> Movements.of(EntryType.WITHDRAWAL_FROZEN, 1_001, new Balances(0, 1_000, 0, 0, 0)))
                .isInstanceOfSatisfying(WalletRefused.class, e -> assertThat(e.reason())
                        .isEqualTo(WalletRefused.Reason.INSUFFICIENT_AVAILABLE));
        assertThatThrownBy(() -> Movements.of(EntryType.COMMISSION_SETTLED, 1, Balances.EMPTY))
                .isInstanceOf(WalletRefused.class);
        assertThatThrownBy(() -> Movements.of(EntryType.WITHDRAWAL_PAID, 1, Balances.EMPTY))
                .isInstanceOf(WalletRefused.class);
        assertThatThrownBy(() -> Movements.of(EntryType.COMMISSION_CREATED, 0, Balances.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
