package com.fenxiao.withdrawal.payout.application;

import com.fenxiao.withdrawal.payout.domain.Merchant;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import com.fenxiao.withdrawal.request.domain.Withdrawals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * What the member's mini-program needs to open WeChat's confirmation page for its own withdrawal whose
 * bill waits in WAIT_USER_CONFIRM. Another member's withdrawal is "not found" (404), any other state a
 * conflict (409), and so is a bill past its confirmation window that the sync job has not closed yet.
 */
@Service
public class ShowTransferConfirmation {

    /** WeChat Pay closes an unconfirmed bill after this whatever our window says. */
    static final Duration WECHAT_LIMIT = Duration.ofHours(24);

    private final Withdrawals withdrawals;
    private final Merchant merchant;
    private final PayoutProperties props;
    private final Clock clock;

    public ShowTransferConfirmation(Withdrawals withdrawals, Merchant merchant, PayoutProperties props, Clock clock) {
        this.withdrawals = withdrawals;
        this.merchant = merchant;
        this.props = props;
        this.clock = clock;
    }

    public TransferConfirmation show(long memberId, long withdrawalId) {
        Withdrawal w = withdrawals.of(memberId, withdrawalId).orElseThrow(ConfirmationRefusals::notFound);
        if (!awaitingConfirmation(w)) {
            throw ConfirmationRefusals.notAwaiting();
        }
        Instant expiresAt = expiresAt(w, props);
        if (!clock.instant().isBefore(expiresAt)) {
            throw ConfirmationRefusals.expired();
        }
        return new TransferConfirmation(
                w.id(), merchant.mchId(), merchant.appId(), w.packageInfo(), w.outBillNo(), expiresAt);
    }

    static boolean awaitingConfirmation(Withdrawal w) {
        return w.channel() == Channel.WECHAT
                && w.status() == WithdrawalStatus.PAYING
                && "WAIT_USER_CONFIRM".equals(w.billState())
                && w.packageInfo() != null
                && w.billCreatedAt() != null;
    }

    /** The earlier of our confirmation window and WeChat Pay's own 24 h, from the bill's creation. */
    static Instant expiresAt(Withdrawal w, PayoutProperties props) {
        Duration window = props.getConfirmationWindow().compareTo(WECHAT_LIMIT) < 0
                ? props.getConfirmationWindow()
                : WECHAT_LIMIT;
        return w.billCreatedAt().plus(window);
    }
}
