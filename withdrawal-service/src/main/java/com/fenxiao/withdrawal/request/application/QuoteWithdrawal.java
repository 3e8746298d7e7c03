package com.fenxiao.withdrawal.request.application;

import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Quote;
import com.fenxiao.withdrawal.wallet.domain.Balances;
import com.fenxiao.withdrawal.wallet.domain.WalletBalances;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** What a withdrawal would cost and pay now, shown before the member confirms; changes nothing. */
@Service
public class QuoteWithdrawal {

    private final Pricing pricing;
    private final WalletBalances balances;
    private final Clock clock;

    public QuoteWithdrawal(Pricing pricing, WalletBalances balances, Clock clock) {
        this.pricing = pricing;
        this.balances = balances;
        this.clock = clock;
    }

    public Quote quote(long memberId, long amountFen, Channel channel) {
        Balances b = balances.of(memberId).orElse(Balances.EMPTY);
        return pricing.price(memberId, amountFen, channel, b, clock.instant()).quote();
    }
}
