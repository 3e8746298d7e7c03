package com.fenxiao.withdrawal.payout.adapter.schedule;

import com.fenxiao.withdrawal.payout.application.PayOutWithdrawal;
import com.fenxiao.withdrawal.payout.application.PayoutMetrics;
import com.fenxiao.withdrawal.payout.application.SyncTransfer;
import com.fenxiao.withdrawal.request.application.ListWithdrawals;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends approved WeChat withdrawals and catches up with bills in flight; tests call the use cases instead. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty("platform.payout.schedule.enabled")
class PayoutScheduler {

    private static final Logger log = LoggerFactory.getLogger(PayoutScheduler.class);

    private final ListWithdrawals list;
    private final PayOutWithdrawal payOut;
    private final SyncTransfer sync;
    private final PayoutMetrics metrics;

    PayoutScheduler(ListWithdrawals list, PayOutWithdrawal payOut, SyncTransfer sync, PayoutMetrics metrics) {
        this.list = list;
        this.payOut = payOut;
        this.sync = sync;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${platform.payout.schedule.pay-every:10s}")
    void payApproved() {
        for (Withdrawal w : list.list(null, WithdrawalStatus.APPROVED, Channel.WECHAT, null, 100)) {
            try {
                payOut.payOut(w.id());
            } catch (RuntimeException e) {
                log.warn("payout of withdrawal {} failed, retried later: {}", w.id(), e.toString());
            }
        }
    }

    @Scheduled(fixedDelayString = "${platform.payout.schedule.sync-every:60s}")
    void syncPaying() {
        for (Withdrawal w : list.list(null, WithdrawalStatus.PAYING, Channel.WECHAT, null, 100)) {
            try {
                sync.sync(w.id());
            } catch (RuntimeException e) {
                log.warn("sync of withdrawal {} failed, retried later: {}", w.id(), e.toString());
            }
        }
        try {
            metrics.refreshInFlight();
        } catch (RuntimeException e) {
            log.warn("payouts in flight not refreshed: {}", e.toString());
        }
    }
}
